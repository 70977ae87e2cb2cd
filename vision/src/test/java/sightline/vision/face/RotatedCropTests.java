package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

class RotatedCropTests {

  @Test
  void mapsCropFractionsToSourcePixelsAtAnyAngle() {
    var upright = RotatedCrop.of(new BoundingBox(10, 20, 50, 100));
    assertThat(upright.toSource(0, 0)).isEqualTo(new Point(10, 20));
    assertThat(upright.toSource(1, 1)).isEqualTo(new Point(50, 100));
    assertThat(upright.toSource(0.5, 0.5)).isEqualTo(new Point(30, 60));
    // Turned a quarter clockwise (on screen): the crop's x axis points down the image.
    var turned = new RotatedCrop(100, 100, 40, 20, Math.PI / 2, false);
    Point right = turned.toSource(1, 0.5);
    assertThat(right.x()).isCloseTo(100, within(1e-9));
    assertThat(right.y()).isCloseTo(120, within(1e-9));
    Point top = turned.toSource(0.5, 0);
    assertThat(top.x()).isCloseTo(110, within(1e-9));
    assertThat(top.y()).isCloseTo(100, within(1e-9));
    var mirrored = turned.mirror();
    assertThat(mirrored.toSource(0, 0.5).y()).isCloseTo(120, within(1e-9));
    assertThatThrownBy(() -> new RotatedCrop(0, 0, 0, 10, 0, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void samplesAnUprightCopyOfATurnedPattern() {
    // A 100x100 picture whose red rises left to right and whose green rises top to bottom.
    int w = 100, h = 100;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        rgb[3 * (y * w + x)] = (byte) (2 * x);
        rgb[3 * (y * w + x) + 1] = (byte) (2 * y);
      }
    }
    float[] upright = RotatedCrop.of(new BoundingBox(20, 20, 80, 80)).sample(rgb, w, h, 10, 10);
    assertThat(upright[0]).isLessThan(upright[3 * 9]);                   // red grows along the crop's x
    assertThat(upright[1]).isCloseTo(upright[3 * 9 + 1], within(0.5f));
    float[] turned = new RotatedCrop(50, 50, 60, 60, Math.PI / 2, false).sample(rgb, w, h, 10, 10);
    assertThat(turned[1]).isLessThan(turned[3 * 9 + 1]);                 // now green grows along the crop's x
    assertThat(turned[0]).isCloseTo(turned[3 * 9], within(0.5f));
    assertThat(turned[0]).isGreaterThan(turned[3 * 90]);                  // and red falls down the crop
  }

  @Test
  void shrinkingAveragesInsteadOfAliasing() {
    // A checkerboard of single pixels shrunk eight times: bilinear sampling alone would pick whole black or white
    // pixels; the averaged samples come out mid-grey.
    int w = 256, h = 256;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        byte v = (byte) ((x + y) % 2 == 0 ? 255 : 0);
        for (int c = 0; c < 3; c++) rgb[3 * (y * w + x) + c] = v;
      }
    }
    float[] out = RotatedCrop.of(new BoundingBox(0, 0, 256, 256)).sample(rgb, w, h, 32, 32);
    for (float v : out) assertThat(v).isBetween(100f, 155f);
  }

  @Test
  void mirroredLandmarksLandOnTheirOwnSide() {
    var crop = RotatedCrop.of(new BoundingBox(0, 0, 100, 100));
    float[] fractions = new float[136];
    for (int i = 0; i < 68; i++) {
      fractions[2 * i] = i == 36 ? 0.2f : i == 45 ? 0.8f : 0.5f;  // in the crop: point 36 left, 45 right
      fractions[2 * i + 1] = 0.4f;
    }
    // The model saw the mirrored crop, so its "36" is the face's 45, found at the mirrored position.
    var points = crop.mirror().toSource(fractions);
    assertThat(points.get(45).x()).isCloseTo(80, within(1e-4));
    assertThat(points.get(36).x()).isCloseTo(20, within(1e-4));
  }

  @Test
  void frameAroundLandmarksFollowsTheEyeLineAndSizeLikeTheDetector() {
    FaceLandmarks level = SyntheticFace.face(300, 200, 50, 0, 0.06, 0);
    FaceLandmarks tilted = SyntheticFace.face(300, 200, 50, 30, 0.06, 0);
    var a = RotatedCrop.around(level);
    var b = RotatedCrop.around(tilted);
    assertThat(Math.toDegrees(a.angle())).isCloseTo(0, within(1e-9));
    assertThat(Math.toDegrees(b.angle())).isCloseTo(30, within(1e-9));
    assertThat(b.width()).isCloseTo(a.width(), within(1e-9));
    assertThat(a.height() / a.width()).isCloseTo(RotatedCrop.HEIGHT / RotatedCrop.WIDTH, within(1e-9));
    Point mean = RotatedCrop.mean(level.points());
    assertThat(a.centreX()).isCloseTo(mean.x(), within(1e-9));
    assertThat(a.centreY()).isLessThan(mean.y());                       // above the landmarks' mean: the forehead
    // The tilted frame's centre is the level one's, turned about the landmarks' mean like the face.
    Point tiltedMean = RotatedCrop.mean(tilted.points());
    double dx = b.centreX() - tiltedMean.x(), dy = b.centreY() - tiltedMean.y();
    assertThat(Math.toDegrees(Math.atan2(dy, dx))).isCloseTo(-90 + 30, within(1e-6));
  }
}
