/** Face enrolment, verification, identification and liveness, computed server-side by the vision library. Needs
 * identity to know whose face it is.
 */
@ApplicationModule(allowedDependencies = { "identity" })
@NullMarked
package sightline.biometrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
