/**
 * Enrolment: teachers add students by e-mail, remove them, or import a CSV roster after a preview with each row's
 * problems; students join a course with its code. Pages and API.
 */
@NullMarked
package sightline.courses.enrolment;

import org.jspecify.annotations.NullMarked;
