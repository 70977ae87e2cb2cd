package sightline.system;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import sightline.vision.ImageDecoder;
import sightline.vision.face.FaceAnalyzer;

/**
 * What a picture sent to the server is for, which fixes the limits it is read and decoded with
 * ({@link ImageInput}). The defaults are here, in one place for every module; each can be configured as
 * {@code sightline.images.<use>.max-bytes}, {@code .max-pixels} and {@code .decode-side-px}, and a frame's side as
 * {@code sightline.images.frame.max-side-px}. The decoder's other limits (side, aspect ratio, JPEG scans, decode
 * memory) start from {@link ImageDecoder.Limits#cameraFrames()} for frames and {@link ImageDecoder.Limits#defaults()}
 * otherwise.
 */
public enum ImageUse {

  /**
   * A JPEG frame from a camera (liveness, enrolment, check-in, engagement): at most 640 px on each side and 300 kB;
   * the browser pages scale camera pictures to 640 px and encode them at quality 0.85, 30–150 kB.
   */
  FRAME(300_000, 640L * 640, 640, 0, "sightline.biometrics.liveness.max-frame-bytes", null,
      "sightline.biometrics.liveness.max-frame-side-px"),

  /**
   * A photo of a person, taken with a phone or a camera: profile photos, enrolment and photo checks. Decoded to at
   * most {@link FaceAnalyzer#MAX_USEFUL_SIDE_PX} a side, all that face analysis reads.
   */
  PHOTO(10L * 1024 * 1024, 24_000_000L, 0, FaceAnalyzer.MAX_USEFUL_SIDE_PX, null, null, null),

  /**
   * A picture uploaded for analysis by an integrator: the face API. Decoded to at most
   * {@link FaceAnalyzer#MAX_USEFUL_SIDE_PX} a side.
   */
  UPLOAD(5L * 1024 * 1024, 24_000_000L, 0, FaceAnalyzer.MAX_USEFUL_SIDE_PX, "sightline.face-api.max-image-size",
      "sightline.face-api.max-image-pixels", null),

  /**
   * A photo of a plant from a phone's camera or gallery, for plant diagnosis: up to 10 MiB and 24 MP, because a
   * phone's full-resolution photo is 2–8 MB and farmers should not have to shrink it first. Decoded to at most
   * 1920 px a side unless the caller asks for less ({@code ImageInput.decode(bytes, use, maxSidePx)}).
   */
  PLANT_PHOTO(10L * 1024 * 1024, 24_000_000L, 0, FaceAnalyzer.MAX_USEFUL_SIDE_PX, null, null, null);

  final long maxBytes;
  final long maxPixels;
  final int maxSidePx;
  final int decodeSidePx;
  /** Older names of these settings, still honoured when the new name is not set. */
  final @Nullable String legacyMaxBytes;
  final @Nullable String legacyMaxPixels;
  final @Nullable String legacyMaxSidePx;

  ImageUse(long maxBytes, long maxPixels, int maxSidePx, int decodeSidePx, @Nullable String legacyMaxBytes,
      @Nullable String legacyMaxPixels, @Nullable String legacyMaxSidePx) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.maxSidePx = maxSidePx;
    this.decodeSidePx = decodeSidePx;
    this.legacyMaxBytes = legacyMaxBytes;
    this.legacyMaxPixels = legacyMaxPixels;
    this.legacyMaxSidePx = legacyMaxSidePx;
  }

  /** The decoder limits this use starts from, before its own byte, pixel and side settings. */
  ImageDecoder.Limits decoderLimits() {
    return this == FRAME ? ImageDecoder.Limits.cameraFrames() : ImageDecoder.Limits.defaults();
  }

  /** The name of this use in configuration: {@code frame}, {@code photo}, {@code upload}, {@code plant-photo}. */
  String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
