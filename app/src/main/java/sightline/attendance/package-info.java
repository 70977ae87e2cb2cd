/** Records who attended which class session and how they were identified; asks biometrics to identify a face,
 * courses for the roster and identity for the student.
 */
@ApplicationModule(allowedDependencies = { "courses", "biometrics", "identity" })
@NullMarked
package sightline.attendance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
