/** Who may see what of engagement: a session's teachers (and administrators) its dashboard and report. */
@NullMarked
package sightline.engagement.access;

import org.jspecify.annotations.NullMarked;
