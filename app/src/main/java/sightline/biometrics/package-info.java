/**
 * Face enrolment, verification, identification and liveness, computed server-side by the vision library. Needs
 * identity to know whose face it is.
 *
 * <p>This package is the module's API for other modules: the operations {@link sightline.biometrics.FaceEnrolment},
 * {@link sightline.biometrics.FaceMatching} and {@link sightline.biometrics.LivenessSessions} (implemented in the
 * sub-packages {@code enrolment}, {@code matching} and {@code liveness}), the shared {@link
 * sightline.biometrics.FaceEngine}, their records and events, and every exception they throw. It imports none of its
 * sub-packages.
 */
@ApplicationModule(allowedDependencies = { "identity" })
@NullMarked
package sightline.biometrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
