/**
 * Course and session reports: counts, points and percentages per student under the course's points per status, the
 * charts, CSV/XLSX/PDF exports, and the e-mail warning when a student falls below the course's percentage.
 */
@NullMarked
package sightline.attendance.reports;

import org.jspecify.annotations.NullMarked;
