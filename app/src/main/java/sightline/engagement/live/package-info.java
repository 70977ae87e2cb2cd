/**
 * The live part: students' camera frames over STOMP, analysed in memory on a bounded pool and discarded, the
 * per-student state (attention tracker, timeline) kept in memory, and the teacher's dashboard fed through the
 * broker. Also the students' pages and the dashboard page.
 */
@NullMarked
package sightline.engagement.live;

import org.jspecify.annotations.NullMarked;
