package sightline.diagnosis.models;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import sightline.vision.Image;

/**
 * The built-in test picture every uploaded model must classify before it is stored: a drawn 256x256 leaf with a
 * midrib and side veins on a grey board, the kind of picture the bundled model was trained on. Drawn, not stored,
 * so that nothing in the repository has to be licensed for it.
 */
public final class TestLeaf {

  private TestLeaf() {
  }

  /** A new copy of the picture. */
  public static Image picture() {
    return Image.fromBufferedImage(drawn(256, 256));
  }

  /**
   * The leaf drawn at another size, as a Java 2D image for callers that add to it or encode it themselves (the tests
   * draw their spotted leaves on it).
   */
  public static BufferedImage drawn(int width, int height) {
    var picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    var g = picture.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.scale(width / 256.0, height / 256.0);
    g.setPaint(new GradientPaint(0, 0, new Color(132, 128, 126), 256, 256, new Color(104, 100, 98)));
    g.fillRect(0, 0, 256, 256);
    var blade = new GeneralPath();
    blade.moveTo(128, 20);
    blade.curveTo(205, 70, 210, 170, 128, 236);
    blade.curveTo(46, 170, 51, 70, 128, 20);
    g.setPaint(new GradientPaint(60, 40, new Color(70, 130, 45), 190, 220, new Color(45, 100, 30)));
    g.fill(blade);
    g.setColor(new Color(120, 160, 80));
    g.setStroke(new BasicStroke(3f));
    g.drawLine(128, 24, 128, 250);
    g.setStroke(new BasicStroke(1.5f));
    for (int y = 60; y <= 200; y += 20) {
      g.drawLine(128, y, 90, y - 22);
      g.drawLine(128, y, 166, y - 22);
    }
    g.dispose();
    return picture;
  }
}
