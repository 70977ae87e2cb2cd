package sightline.vision.testing;

import sightline.vision.ImageRejected;

/**
 * One input of the hostile-image set: a name that says what it is (usable as a file name), the bytes, and what
 * {@link sightline.vision.ImageDecoder} with {@link sightline.vision.ImageDecoder.Limits#defaults()} must make of
 * it. Under other limits the outcome may differ, but it is always a picture or an {@link ImageRejected}.
 *
 * @param name     lower-case words joined by dashes, unique within the set
 * @param bytes    the encoded input (not copied: treat as read-only)
 * @param expected the outcome under the default limits
 */
public record HostileImage(String name, byte[] bytes, Expected expected) {

  /** What decoding must give. */
  public sealed interface Expected permits Decodes, Refused {
  }

  /** A picture of this upright size. */
  public record Decodes(int width, int height) implements Expected {
  }

  /** An {@link ImageRejected} with this reason. */
  public record Refused(ImageRejected.Reason reason) implements Expected {
  }

  /** Name and size only. */
  @Override
  public String toString() {
    return name + " (" + bytes.length + " bytes)";
  }
}
