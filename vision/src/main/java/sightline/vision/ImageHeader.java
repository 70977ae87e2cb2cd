package sightline.vision;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import sightline.vision.ImageRejected.Reason;

/**
 * What the container says, read without decoding any pixel data, so that limits and the memory estimate apply
 * before the decoder allocates anything. One pass over the bytes: it walks every JPEG segment and scan header to
 * the end-of-image marker (counting the scans) and every PNG chunk to IEND (checking the critical chunks' CRCs).
 * Pure parsing of a byte array; package-private.
 */
sealed interface ImageHeader permits ImageHeader.Jpeg, ImageHeader.Png {

  ImageFormat format();

  /** Stored width in pixels (before orientation). */
  int width();

  /** Stored height in pixels (before orientation). */
  int height();

  /** EXIF orientation 1–8 (1 when absent or unreadable). */
  int orientation();

  /**
   * A JPEG's frame and scans.
   *
   * @param components       colour components: 1, 3 or 4
   * @param adobeTransform   APP14 Adobe transform (0 none, 1 YCbCr, 2 YCCK), -1 when there is no Adobe segment
   * @param iccProfile       whether an ICC profile is embedded (APP2)
   * @param scans            number of scans (1 for an ordinary baseline JPEG, about 10 for a progressive one)
   * @param blocks           8x8 blocks over all components, each at its own resolution
   * @param coefficientBytes what libjpeg allocates to hold every coefficient of a multi-scan image
   * @param scanBytes        entropy-coded bytes over all scans (marker segments excluded)
   */
  record Jpeg(int width, int height, int orientation, int components, int adobeTransform, boolean iccProfile,
      int scans, long blocks, long coefficientBytes, long scanBytes) implements ImageHeader {

    @Override
    public ImageFormat format() {
      return ImageFormat.JPEG;
    }
  }

  /**
   * A PNG's header chunk and where its data lies.
   *
   * @param bitDepth       bits per sample: 1, 2, 4, 8 or 16
   * @param colourType     0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGB and alpha
   * @param interlaced     Adam7 interlacing
   * @param paletteOffset  offset of the PLTE data, -1 when there is none
   * @param paletteEntries number of PLTE entries (0 when there is none)
   * @param dataBytes      compressed bytes over all IDAT chunks
   */
  record Png(int width, int height, int orientation, int bitDepth, int colourType, boolean interlaced,
      int paletteOffset, int paletteEntries, long dataBytes) implements ImageHeader {

    /** The Adam7 passes: first column, first row, column step, row step. */
    static final int[][] ADAM7 = {
        {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

    @Override
    public ImageFormat format() {
      return ImageFormat.PNG;
    }

    int channels() {
      return switch (colourType) {
        case 2 -> 3;
        case 4 -> 2;
        case 6 -> 4;
        default -> 1;
      };
    }

    /** Bytes of one unfiltered row of {@code pixels} pixels (without the filter-type byte). */
    long rowBytes(long pixels) {
      return (pixels * channels() * bitDepth + 7) / 8;
    }

    /** Bytes the inflated data must hold: every row of every pass with its filter-type byte. */
    long inflatedBytes() {
      if (!interlaced) {
        return height * (1 + rowBytes(width));
      }
      long total = 0;
      for (int[] pass : ADAM7) {
        long w = (width - pass[0] + pass[2] - 1L) / pass[2];
        long h = (height - pass[1] + pass[3] - 1L) / pass[3];
        if (w > 0 && h > 0) {
          total += h * (1 + rowBytes(w));
        }
      }
      return total;
    }
  }

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
    if (startsWith(d, 0xFF, 0x0A) || startsWith(d, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) return "JPEG XL";
    if (startsWith(d, 0, 0, 1, 0) && d.length > 6) return "ICO";
    if (isSvg(d)) return "SVG";
    return null;
  }

  /** Markup that opens with an XML declaration, a doctype or a tag and has an {@code <svg} tag near the start. */
  private static boolean isSvg(byte[] d) {
    String start = new String(d, 0, Math.min(d.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    int i = start.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0; // UTF-8 byte order mark
    while (i < start.length() && Character.isWhitespace(start.charAt(i))) i++;
    return start.startsWith("<", i) && start.indexOf("<svg", i) >= 0;
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

  private static boolean isFrameMarker(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static Jpeg jpeg(byte[] d) {
    int pos = 2;
    int width = -1, height = -1, components = -1, orientation = 1, adobe = -1;
    int[] sampling = null;
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
        if (sampling == null) {
          throw new ImageRejected(Reason.CORRUPT, "The JPEG file has image data but no frame header.");
        }
        return scans(d, end, width, height, orientation, components, adobe, icc, sampling);
      }
      if (isFrameMarker(marker)) {
        if (sampling != null) {
          throw new ImageRejected(Reason.CORRUPT, "The JPEG file has two frame headers.");
        }
        if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
          throw new ImageRejected(Reason.UNSUPPORTED_FORMAT,
              "The JPEG uses a lossless, hierarchical or arithmetic-coded variant, which is not supported.");
        }
        if (length < 8) {
          throw new ImageRejected(Reason.CORRUPT, "The JPEG frame header is damaged.");
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
        if (length < 8 + 3 * components) {
          throw new ImageRejected(Reason.CORRUPT, "The JPEG frame header is damaged.");
        }
        sampling = new int[components];
        for (int c = 0; c < components; c++) {
          int factors = u8(d, start + 7 + 3 * c);
          int h = factors >> 4, v = factors & 15;
          if (h < 1 || h > 4 || v < 1 || v > 4) {
            throw new ImageRejected(Reason.CORRUPT, "The JPEG frame header has impossible sampling factors.");
          }
          sampling[c] = factors;
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

  /**
   * Walks the scans from the end of the first scan header to the end-of-image marker. Entropy-coded data never
   * holds a marker (an FF data byte is stuffed as FF 00), so every other FF xx is a marker: restart markers have no
   * payload, every other marker has a segment, and each start-of-scan begins one more scan. A file without an
   * end-of-image marker was cut short: ImageIO would only warn and paint the rest grey.
   */
  private static Jpeg scans(byte[] d, int pos, int width, int height, int orientation, int components, int adobe,
      boolean icc, int[] sampling) {
    int scans = 1;
    long scanBytes = 0;
    while (true) {
      int ff = indexOfFF(d, pos);
      if (ff < 0 || ff + 1 >= d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends before the picture is complete.");
      }
      scanBytes += ff - pos;
      int marker = u8(d, ff + 1);
      if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7)) { // stuffed data byte or restart marker
        scanBytes += marker == 0 ? 1 : 0;
        pos = ff + 2;
        continue;
      }
      if (marker == 0xFF) { // fill byte before a marker
        pos = ff + 1;
        continue;
      }
      if (marker == 0xD9) {
        break;
      }
      if (marker == 0xD8 || marker == 0x01 || isFrameMarker(marker)) {
        throw new ImageRejected(Reason.CORRUPT, "The JPEG data is damaged (a marker out of place).");
      }
      if (ff + 4 > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends before the picture is complete.");
      }
      int length = u16be(d, ff + 2);
      if (length < 2) {
        throw new ImageRejected(Reason.CORRUPT, "The JPEG data is damaged (bad segment length).");
      }
      if ((long) ff + 2 + length > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends before the picture is complete.");
      }
      if (marker == 0xDA) {
        scans++;
      }
      pos = ff + 2 + length;
    }
    int hMax = 1, vMax = 1;
    for (int factors : sampling) {
      hMax = Math.max(hMax, factors >> 4);
      vMax = Math.max(vMax, factors & 15);
    }
    long blocks = 0, coefficientBytes = 0;
    for (int factors : sampling) {
      int h = factors >> 4, v = factors & 15;
      long blocksWide = ((long) width * h + hMax - 1) / hMax;
      long blocksHigh = ((long) height * v + vMax - 1) / vMax;
      blocksWide = (blocksWide + 7) / 8;
      blocksHigh = (blocksHigh + 7) / 8;
      blocks += blocksWide * blocksHigh;
      // libjpeg pads each component to whole MCUs and keeps 64 two-byte coefficients per block.
      coefficientBytes += ((blocksWide + h - 1) / h * h) * ((blocksHigh + v - 1) / v * v) * 128;
    }
    return new Jpeg(width, height, orientation, sampling.length, adobe, icc, scans, blocks, coefficientBytes,
        scanBytes);
  }

  private static int indexOfFF(byte[] d, int from) {
    for (int i = from; i < d.length; i++) {
      if (d[i] == (byte) 0xFF) return i;
    }
    return -1;
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
   * is not a reason to refuse a picture: it gives orientation 1. Reads at most one directory, within the block.
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

  private static String chunkType(byte[] d, int at) {
    return new String(d, at, 4, StandardCharsets.ISO_8859_1);
  }

  private static Png png(byte[] d) {
    int pos = 8;
    int width = -1, height = -1, bitDepth = -1, colourType = -1, orientation = 1;
    int paletteOffset = -1, paletteEntries = 0;
    boolean interlaced = false;
    long dataBytes = 0;
    var crc = new CRC32();
    while (true) {
      if (pos + 8 > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The PNG file ends before its last chunk.");
      }
      long length = u32be(d, pos);
      String type = chunkType(d, pos + 4);
      long dataEnd = pos + 8 + length;
      if (length > Integer.MAX_VALUE || dataEnd + 4 > d.length) {
        throw new ImageRejected(Reason.TRUNCATED, "The PNG file ends inside its " + printable(type) + " chunk.");
      }
      int start = pos + 8;
      // The first letter's case says whether a chunk is critical: a decoder must understand those and may skip
      // the rest. Critical chunks' checksums are checked (as libpng does); ancillary chunks are never read.
      boolean critical = (d[pos + 4] & 0x20) == 0;
      if (critical) {
        crc.reset();
        crc.update(d, pos + 4, (int) length + 4);
        if (crc.getValue() != u32be(d, (int) dataEnd)) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG file is damaged (the checksum of its " + printable(type)
              + " chunk does not match).");
        }
      }
      if (width < 0) {
        if (!type.equals("IHDR") || length != 13) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG file does not start with a valid header chunk.");
        }
        long w = u32be(d, start);
        long h = u32be(d, start + 4);
        bitDepth = u8(d, start + 8);
        colourType = u8(d, start + 9);
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG header gives an impossible size " + w + "x" + h + ".");
        }
        boolean depthAllowed = switch (colourType) {
          case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
          case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
          case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
          default -> throw new ImageRejected(Reason.CORRUPT, "The PNG header has an unknown colour type " + colourType + ".");
        };
        if (!depthAllowed) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG header has an invalid bit depth " + bitDepth
              + " for colour type " + colourType + ".");
        }
        if (u8(d, start + 10) != 0 || u8(d, start + 11) != 0 || u8(d, start + 12) > 1) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG header names an unknown compression, filter or interlace method.");
        }
        width = (int) w;
        height = (int) h;
        interlaced = u8(d, start + 12) == 1;
      } else if (type.equals("IHDR")) {
        throw new ImageRejected(Reason.CORRUPT, "The PNG file has two header chunks.");
      } else if (type.equals("PLTE")) {
        if (length == 0 || length % 3 != 0 || length > 3 * 256 || paletteOffset >= 0) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG palette is damaged.");
        }
        paletteOffset = start;
        paletteEntries = (int) length / 3;
      } else if (type.equals("IDAT")) {
        dataBytes += length;
      } else if (type.equals("IEND")) {
        // A missing palette or missing image data is refused by the decoder after the size limits, so that a bare
        // header announcing a huge picture is TOO_LARGE, the reason that matters, as it always was.
        return new Png(width, height, orientation, bitDepth, colourType, interlaced, paletteOffset, paletteEntries,
            dataBytes);
      } else if (type.equals("eXIf")) {
        orientation = exifOrientation(d, start, (int) dataEnd);
      } else if (critical) {
        throw new ImageRejected(Reason.CORRUPT, "The PNG file has a critical chunk no decoder knows.");
      }
      pos = (int) dataEnd + 4; // skip CRC
    }
  }

  /** A chunk type for a message: letters only, since it comes from untrusted bytes. */
  private static String printable(String type) {
    return type.chars().allMatch(Character::isLetter) ? type : "damaged";
  }
}
