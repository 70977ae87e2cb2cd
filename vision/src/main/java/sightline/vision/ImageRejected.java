package sightline.vision;

/**
 * The bytes given to {@link ImageDecoder} are not a picture Sightline will decode. The {@link #reason()} says which
 * rule was broken; the message is safe to show to the person who uploaded the file (it never contains image
 * data).
 */
public final class ImageRejected extends RuntimeException {

  /** Why an input was refused. */
  public enum Reason {
    /** Empty input, or the first bytes match no known image format. */
    NOT_AN_IMAGE,
    /** A known image format that Sightline does not decode (GIF, WebP, BMP, TIFF, HEIC, 12-bit JPEG, ...). */
    UNSUPPORTED_FORMAT,
    /** The header announces more pixels (or the input holds more bytes) than {@link ImageDecoder.Limits} allow. */
    TOO_LARGE,
    /** The file ends before the picture is complete. */
    TRUNCATED,
    /** The header or the compressed data is damaged. */
    CORRUPT
  }

  private final Reason reason;

  ImageRejected(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  ImageRejected(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The broken rule. */
  public Reason reason() {
    return reason;
  }
}
