package sightline.vision;

/** The encoded formats {@link ImageDecoder} decodes, recognised by their first bytes, never by a file name. */
public enum ImageFormat {
  JPEG,
  PNG
}
