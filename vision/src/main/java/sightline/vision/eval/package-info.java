/** Command-line evaluation of the vision library ({@code ./sightline eval}): LFW-style face verification figures. */
@NullMarked
package sightline.vision.eval;

import org.jspecify.annotations.NullMarked;
