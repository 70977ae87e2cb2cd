/**
 * Face detection, landmarks, alignment, embeddings and quality with the Faceplugin ONNX models. The public types are
 * {@link sightline.vision.face.FaceAnalyzer} (loads the models once, thread-safe) and the immutable records it
 * returns, and for live classes {@link sightline.vision.face.EngagementAnalyzer} (shared, thread-safe) with one
 * {@link sightline.vision.face.AttentionTracker} per student; pre- and post-processing are package-private pure
 * functions tested without a model.
 */
@NullMarked
package sightline.vision.face;

import org.jspecify.annotations.NullMarked;
