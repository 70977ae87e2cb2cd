/**
 * After class (and during it, for the dashboard's first paint): each student's timeline and totals, the class
 * average over time, as pages with inline SVG charts, CSV, PDF and JSON. Teachers see their courses' sessions,
 * students only their own timeline.
 */
@NullMarked
package sightline.engagement.report;

import org.jspecify.annotations.NullMarked;
