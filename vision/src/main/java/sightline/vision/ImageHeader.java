package sightline.vision;

import sightline.vision.ImageRejected.Reason;

/**
 * What the container header says, read without decoding any pixel data, so that size limits apply before the
 * decoder allocates anything. Pure parsing of a byte array; package-private.
 *
 * @param format      the container format
 * @param width       stored width in pixels (before orientation)
 * @param height      stored height in pixels (before orientation)
 * @param components  colour components: JPEG 1, 3 or 4; PNG samples per pixel incl. alpha
 * @param orientation EXIF orientation 1–8 (1 when absent or unreadable)
 * @param adobeTransform JPEG APP14 Adobe transform (0 none, 1 YCbCr, 2 YCCK), -1 when there is no Adobe segment
 * @param iccProfile  whether an ICC colour profile is embedded
 */
record ImageHeader(Format format, int width, int height, int components, int orientation, int adobeTransform,
    boolean iccProfile) {

  enum Format { JPEG, PNG }

  static ImageHeader read(byte[] data) {
    if (data.length == 0) {
      throw new ImageRejected(Reason.NOT_AN_IMAGE, "The file is empty.");
    }
    if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
      return jpeg(data);
    }
    if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return png(data);
    }
    String other = otherFormat(data);
    if (other != null) {
      throw new ImageRejected(Reason.UNSUPPORTED_FORMAT, "The file is a " + other + " image; only JPEG and PNG are accepted.");
    }
    throw new ImageRejected(Reason.NOT_AN_IMAGE, "The file is not a JPEG or PNG image.");
  }

  private static String otherFormat(byte[] d) {
    if (startsWith(d, 'G', 'I', 'F', '8')) return "GIF";
    if (startsWith(d, 'B', 'M') && d.length > 14) return "BMP";
    if (startsWith(d, 'I', 'I', 42, 0) || startsWith(d, 'M', 'M', 0, 42)) return "TIFF";
    if (d.length >= 12 && startsWith(d, 'R', 'I', 'F', 'F') && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
      return "WebP";
    }
    if (d.length >= 12 && d[4] == 'f' && d[5] == 't' && d[6] == 'y' && d[7] == 'p') return "HEIF/AVIF";
    return null;
  }

  private static boolean startsWith(byte[] d, int... prefix) {
    if (d.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((d[i] & 0xff) != prefix[i]) return false;
    }
    return true;
  }

  private static int u8(byte[] d, int i) {
    return d[i] & 0xff;
  }

  private static int u16be(byte[] d, int i) {
    return (d[i] & 0xff) << 8 | (d[i + 1] & 0xff);
  }

  private static long u32be(byte[] d, int i) {
    return ((long) u16be(d, i) << 16) | u16be(d, i + 2);
  }

  private static ImageHeader jpeg(byte[] d) {
    int pos = 2;
    int width = -1, height = -1, components = -1, orientation = 1, adobe = -1;
    boolean icc = false;
    while (true) {
      if (pos >= d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends inside its header.");
      }
      if (u8(d, pos) != 0xFF) {
        throw new ImageRejected(Reason.CORRUPT, "The JPEG header is damaged (no marker at byte " + pos + ").");
      }
      while (pos < d.length && u8(d, pos) == 0xFF) pos++; // fill bytes
      if (pos >= d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends inside its header.");
      }
      int marker = u8(d, pos++);
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no payload
      if (marker == 0xD9 || marker == 0xD8) {
        throw new ImageRejected(Reason.CORRUPT, "The JPEG file has no image data.");
      }
      if (pos + 2 > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends inside its header.");
      }
      int length = u16be(d, pos);
      if (length < 2) {
        throw new ImageRejected(Reason.CORRUPT, "The JPEG header is damaged (bad segment length).");
      }
      int start = pos + 2;
      int end = pos + length;
      if (end > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends inside its header.");
      }
      if (marker == 0xDA) { // start of scan: the header is over
        if (width < 0) {
          throw new ImageRejected(Reason.CORRUPT, "The JPEG file has image data but no frame header.");
        }
        // Entropy-coded data never holds FF D9 (an FF data byte is stuffed as FF 00), so a file without an
        // end-of-image marker after the first scan was cut short. ImageIO would only warn and return grey pixels.
        if (!containsEndOfImage(d, end)) {
          throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends before the picture is complete.");
        }
        return new ImageHeader(Format.JPEG, width, height, components, orientation, adobe, icc);
      }
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        if (length < 8) {
          throw new ImageRejected(Reason.CORRUPT, "The JPEG frame header is damaged.");
        }
        if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
          throw new ImageRejected(Reason.UNSUPPORTED_FORMAT,
              "The JPEG uses a lossless or arithmetic-coded variant, which is not supported.");
        }
        int precision = u8(d, start);
        height = u16be(d, start + 1);
        width = u16be(d, start + 3);
        components = u8(d, start + 5);
        if (precision != 8) {
          throw new ImageRejected(Reason.UNSUPPORTED_FORMAT, "The JPEG has " + precision + "-bit samples; only 8-bit is supported.");
        }
        if (width == 0 || height == 0) {
          throw new ImageRejected(Reason.UNSUPPORTED_FORMAT, "The JPEG header gives no image size.");
        }
        if (components != 1 && components != 3 && components != 4) {
          throw new ImageRejected(Reason.UNSUPPORTED_FORMAT, "The JPEG has " + components + " colour components.");
        }
      } else if (marker == 0xE1 && length >= 8 && matches(d, start, "Exif\0\0")) {
        orientation = exifOrientation(d, start + 6, end);
      } else if (marker == 0xE2 && matches(d, start, "ICC_PROFILE\0")) {
        icc = true;
      } else if (marker == 0xEE && length >= 14 && matches(d, start, "Adobe")) {
        adobe = u8(d, start + 11);
      }
      pos = end;
    }
  }

  private static boolean containsEndOfImage(byte[] d, int from) {
    for (int i = d.length - 2; i >= from; i--) {
      if (d[i] == (byte) 0xFF && d[i + 1] == (byte) 0xD9) return true;
    }
    return false;
  }

  private static boolean matches(byte[] d, int at, String ascii) {
    if (at + ascii.length() > d.length) return false;
    for (int i = 0; i < ascii.length(); i++) {
      if (d[at + i] != (byte) ascii.charAt(i)) return false;
    }
    return true;
  }

  /**
   * Reads tag 0x0112 (Orientation) from IFD0 of a TIFF structure in {@code d[start, end)}. A damaged EXIF block
   * is not a reason to refuse a picture: it gives orientation 1.
   */
  static int exifOrientation(byte[] d, int start, int end) {
    if (end - start < 8) return 1;
    boolean little;
    if (d[start] == 'I' && d[start + 1] == 'I') little = true;
    else if (d[start] == 'M' && d[start + 1] == 'M') little = false;
    else return 1;
    long ifd = tiff32(d, start + 4, little);
    if (ifd < 8 || start + ifd + 2 > end) return 1;
    int at = (int) (start + ifd);
    int count = tiff16(d, at, little);
    at += 2;
    for (int i = 0; i < count && at + 12 <= end; i++, at += 12) {
      if (tiff16(d, at, little) == 0x0112) {
        int type = tiff16(d, at + 2, little);
        int value = type == 3 ? tiff16(d, at + 8, little) : type == 4 ? (int) tiff32(d, at + 8, little) : 1;
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static int tiff16(byte[] d, int i, boolean little) {
    return little ? (d[i] & 0xff) | (d[i + 1] & 0xff) << 8 : u16be(d, i);
  }

  private static long tiff32(byte[] d, int i, boolean little) {
    return little ? (tiff16(d, i, true) | (long) tiff16(d, i + 2, true) << 16) : u32be(d, i);
  }

  private static ImageHeader png(byte[] d) {
    int pos = 8;
    int width = -1, height = -1, components = -1, orientation = 1;
    boolean icc = false;
    boolean first = true;
    while (true) {
      if (pos + 8 > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The PNG file ends before its last chunk.");
      }
      long length = u32be(d, pos);
      String type = new String(d, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long dataEnd = pos + 8 + length;
      if (length > Integer.MAX_VALUE || dataEnd + 4 > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The PNG file ends inside its " + type + " chunk.");
      }
      int start = pos + 8;
      if (first) {
        if (!type.equals("IHDR") || length < 13) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG file does not start with a valid header chunk.");
        }
        long w = u32be(d, start);
        long h = u32be(d, start + 4);
        int bitDepth = u8(d, start + 8);
        int colourType = u8(d, start + 9);
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG header gives an impossible size " + w + "x" + h + ".");
        }
        width = (int) w;
        height = (int) h;
        components = switch (colourType) {
          case 0 -> 1;
          case 2 -> 3;
          case 3 -> 1;
          case 4 -> 2;
          case 6 -> 4;
          default -> throw new ImageRejected(Reason.CORRUPT, "The PNG header has an unknown colour type " + colourType + ".");
        };
        if (bitDepth != 1 && bitDepth != 2 && bitDepth != 4 && bitDepth != 8 && bitDepth != 16) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG header has an invalid bit depth " + bitDepth + ".");
        }
        first = false;
      } else if (type.equals("eXIf")) {
        orientation = exifOrientation(d, start, (int) dataEnd);
      } else if (type.equals("iCCP")) {
        icc = true;
      } else if (type.equals("IEND")) {
        return new ImageHeader(Format.PNG, width, height, components, orientation, -1, icc);
      }
      pos = (int) dataEnd + 4; // skip CRC
    }
  }
}
