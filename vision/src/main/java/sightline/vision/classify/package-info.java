/**
 * Image classification for any ONNX classifier described by a small metadata file: {@link
 * sightline.vision.classify.ImageClassifier} resizes and normalises an {@link sightline.vision.Image} as the
 * {@link sightline.vision.classify.ClassifierMetadata} says, runs the model and returns ranked
 * {@link sightline.vision.classify.Classifications}. Pre- and post-processing are package-private pure functions.
 */
@NullMarked
package sightline.vision.classify;

import org.jspecify.annotations.NullMarked;
