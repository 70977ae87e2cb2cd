/**
 * Fraud signals for a class session: flags with their evidence for the teacher to look into (shared devices and
 * addresses, similarities just above the threshold, repeated refusals, attempts from outside the place), never
 * verdicts; nothing is changed or refused because of them.
 */
@NullMarked
package sightline.attendance.signals;

import org.jspecify.annotations.NullMarked;
