/**
 * Courses, their class sessions and enrolments, with the rules that keep them right, and {@link
 * sightline.courses.catalogue.CoursesService}, the one place that changes them. The pages and the API sit above.
 */
@NullMarked
package sightline.courses.catalogue;

import org.jspecify.annotations.NullMarked;
