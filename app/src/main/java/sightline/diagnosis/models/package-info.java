/** The plant-disease models: the one in use, the bundled one, those administrators upload and check, and the log of
 * activations that lets an administrator restore the previous model. */
@NullMarked
package sightline.diagnosis.models;

import org.jspecify.annotations.NullMarked;
