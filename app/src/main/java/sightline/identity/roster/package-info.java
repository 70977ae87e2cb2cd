/**
 * Roster import, internal to identity: a CSV previewed row by row, then imported whole in the background.
 */
@NullMarked
package sightline.identity.roster;

import org.jspecify.annotations.NullMarked;
