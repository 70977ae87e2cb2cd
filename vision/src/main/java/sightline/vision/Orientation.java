package sightline.vision;

/** EXIF orientation (tag 0x0112, values 1–8) applied to stored pixels so that the result is upright. */
final class Orientation {

  private Orientation() {
  }

  static Image apply(Image stored, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return stored;
    }
    int w = stored.width();
    int h = stored.height();
    byte[] src = stored.sharedRgb();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    byte[] out = new byte[src.length];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        int sx, sy;
        switch (orientation) {
          case 2 -> { sx = w - 1 - ox; sy = oy; }          // mirrored horizontally
          case 3 -> { sx = w - 1 - ox; sy = h - 1 - oy; }  // rotated 180
          case 4 -> { sx = ox; sy = h - 1 - oy; }          // mirrored vertically
          case 5 -> { sx = oy; sy = ox; }                  // transposed
          case 6 -> { sx = oy; sy = h - 1 - ox; }          // stored 90 degrees anticlockwise: turn clockwise
          case 7 -> { sx = w - 1 - oy; sy = h - 1 - ox; }  // transversed
          default -> { sx = w - 1 - oy; sy = ox; }         // 8: stored 90 degrees clockwise: turn anticlockwise
        }
        int s = 3 * (sy * w + sx);
        int o = 3 * (oy * ow + ox);
        out[o] = src[s];
        out[o + 1] = src[s + 1];
        out[o + 2] = src[s + 2];
      }
    }
    return Image.adopt(ow, oh, out);
  }
}
