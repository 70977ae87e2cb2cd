/**
 * Sightline's plain-Java vision library: images in, immutable results out. No Spring, no database; SLF4J API only.
 * {@link sightline.vision.ImageDecoder} turns untrusted JPEG/PNG bytes into an upright RGB
 * {@link sightline.vision.Image} or refuses them with {@link sightline.vision.ImageRejected}.
 *
 * <p>Sub-packages: {@code face} finds and describes faces ({@link sightline.vision.face.FaceAnalyzer}), {@code eval}
 * holds the {@code ./sightline eval} tools, {@code model} finds and verifies model files, {@code onnx} owns ONNX
 * Runtime sessions.
 */
@NullMarked
package sightline.vision;

import org.jspecify.annotations.NullMarked;
