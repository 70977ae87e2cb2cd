/** Courses, their class sessions and who is enrolled in them. Needs identity to name teachers and students. */
@ApplicationModule(allowedDependencies = { "identity" })
@NullMarked
package sightline.courses;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
