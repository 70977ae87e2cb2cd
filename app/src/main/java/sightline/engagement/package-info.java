/** Live presence and attention during online classes, pushed to the teacher's dashboard. Reads courses and
 * attendance for who should be there, biometrics for faces, identity for names.
 */
@ApplicationModule(allowedDependencies = { "courses", "attendance", "biometrics", "identity" })
@NullMarked
package sightline.engagement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
