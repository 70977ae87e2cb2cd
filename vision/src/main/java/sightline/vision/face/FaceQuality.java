package sightline.vision.face;

/**
 * How usable a detected face is for recognition, measured on the face box resampled to 64x64 grey. Callers set
 * their own limits (for enrolment, e.g. {@code faceSizePx >= 80}, brightness between 0.25 and 0.85). Immutable.
 *
 * @param faceSizePx the shorter side of the detector box, in source pixels
 * @param sharpness  variance of the 4-neighbour Laplacian of the 64x64 grey crop (grey values 0–255), so independent
 *                   of the face's size in the picture; blurred or upscaled faces score low (below about 50), crisp
 *                   faces several hundred
 * @param brightness mean grey level of the crop in [0, 1]
 * @param contrast   standard deviation of the grey level of the crop in [0, 0.5]
 */
public record FaceQuality(double faceSizePx, double sharpness, double brightness, double contrast) {
}
