package sightline.system;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a picture sent to the server is for, which fixes the limits it is read and decoded with
 * ({@link ImageInput}). The defaults are here, in one place for every module; each can be configured as
 * {@code sightline.images.<use>.max-bytes} and {@code .max-pixels}, and a frame's side as
 * {@code sightline.images.frame.max-side-px}. New decoder limits per use belong here too.
 */
public enum ImageUse {

  /**
   * A JPEG frame from a camera (liveness, enrolment, check-in, engagement): at most 640 px on each side and 300 kB;
   * the browser pages scale camera pictures to 640 px and encode them at quality 0.85, 30–150 kB.
   */
  FRAME(300_000, 640L * 640, 640, "sightline.biometrics.liveness.max-frame-bytes", null,
      "sightline.biometrics.liveness.max-frame-side-px"),

  /** A photo of a person, taken with a phone or a camera: profile photos, enrolment and photo checks. */
  PHOTO(10L * 1024 * 1024, 24_000_000L, 0, null, null, null),

  /** A picture uploaded for analysis by an integrator: the face API. */
  UPLOAD(5L * 1024 * 1024, 24_000_000L, 0, "sightline.face-api.max-image-size", "sightline.face-api.max-image-pixels",
      null),

  /**
   * A photo of a plant from a phone's camera or gallery, for plant diagnosis: up to 10 MiB and 24 MP, because a
   * phone's full-resolution photo is 2–8 MB and farmers should not have to shrink it first.
   */
  PLANT_PHOTO(10L * 1024 * 1024, 24_000_000L, 0, null, null, null);

  final long maxBytes;
  final long maxPixels;
  final int maxSidePx;
  /** Older names of these settings, still honoured when the new name is not set. */
  final @Nullable String legacyMaxBytes;
  final @Nullable String legacyMaxPixels;
  final @Nullable String legacyMaxSidePx;

  ImageUse(long maxBytes, long maxPixels, int maxSidePx, @Nullable String legacyMaxBytes,
      @Nullable String legacyMaxPixels, @Nullable String legacyMaxSidePx) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.maxSidePx = maxSidePx;
    this.legacyMaxBytes = legacyMaxBytes;
    this.legacyMaxPixels = legacyMaxPixels;
    this.legacyMaxSidePx = legacyMaxSidePx;
  }

  /** The name of this use in configuration: {@code frame}, {@code photo}, {@code upload}, {@code plant-photo}. */
  String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
