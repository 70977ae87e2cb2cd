/** ONNX Runtime sessions: one {@link sightline.vision.onnx.OnnxModel} per model file, loaded once and shared. */
@NullMarked
package sightline.vision.onnx;

import org.jspecify.annotations.NullMarked;
