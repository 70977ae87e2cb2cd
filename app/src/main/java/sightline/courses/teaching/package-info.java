/**
 * Teaching: teachers create and run courses and plan their class sessions (pages and API), students see the courses
 * they attend; the menu entries and home cards.
 */
@NullMarked
package sightline.courses.teaching;

import org.jspecify.annotations.NullMarked;
