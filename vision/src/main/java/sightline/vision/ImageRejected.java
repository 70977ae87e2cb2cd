package sightline.vision;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bytes given to {@link ImageDecoder} are not a picture Sightline will decode. The {@link #reason()} says which
 * rule was broken, and for {@link Reason#TOO_LARGE} the {@link #limit()} says which of the
 * {@link ImageDecoder.Limits}; the message is safe to show to the person who uploaded the file (it never contains
 * image data).
 */
public final class ImageRejected extends RuntimeException {

  /** Why an input was refused. */
  public enum Reason {
    /** Empty input, or the first bytes match no known image format. */
    NOT_AN_IMAGE,
    /** A known image format that Sightline does not decode (GIF, WebP, BMP, TIFF, HEIC, 12-bit JPEG, ...). */
    UNSUPPORTED_FORMAT,
    /**
     * The input or the picture it announces is beyond one of the {@link ImageDecoder.Limits} (bytes, pixels, side,
     * aspect ratio, scans or the memory decoding would take); {@link #limit()} says which. Checked before decoding.
     */
    TOO_LARGE,
    /** The file ends before the picture is complete. */
    TRUNCATED,
    /** The header or the compressed data is damaged. */
    CORRUPT
  }

  /** Which of the {@link ImageDecoder.Limits} a {@link Reason#TOO_LARGE} input is beyond. */
  public enum Limit {
    /** {@link ImageDecoder.Limits#maxBytes()}: the encoded input is longer. */
    BYTES,
    /** {@link ImageDecoder.Limits#maxPixels()}: width times height is larger. */
    PIXELS,
    /** {@link ImageDecoder.Limits#maxSide()}: the width or the height is larger. */
    SIDE,
    /** {@link ImageDecoder.Limits#maxAspectRatio()}: the longer side divided by the shorter is larger. */
    ASPECT_RATIO,
    /** {@link ImageDecoder.Limits#maxScans()}: a JPEG has more scans, each of which costs a pass over the picture. */
    SCANS,
    /** {@link ImageDecoder.Limits#maxDecodeBytes()}: decoding would take more memory (see {@link DecodePlan}). */
    DECODE_MEMORY
  }

  private final Reason reason;
  private final @Nullable Limit limit;

  ImageRejected(Reason reason, String message) {
    this(reason, null, message, null);
  }

  ImageRejected(Reason reason, String message, Throwable cause) {
    this(reason, null, message, cause);
  }

  ImageRejected(Limit limit, String message) {
    this(Reason.TOO_LARGE, limit, message, null);
  }

  private ImageRejected(Reason reason, @Nullable Limit limit, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.limit = limit;
  }

  /** The broken rule. */
  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#TOO_LARGE}, the limit the input is beyond; empty for every other reason. */
  public Optional<Limit> limit() {
    return Optional.ofNullable(limit);
  }
}
