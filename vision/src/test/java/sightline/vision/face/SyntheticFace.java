package sightline.vision.face;

import java.util.ArrayList;
import sightline.vision.Point;

/**
 * A drawn 68-point face in the iBUG layout, mirror-symmetric about its nose line, for geometry tests without a model:
 * units of about half a face width, x to the image's right and y down before it is placed. A crude depth per point
 * lets it turn (yaw) under an orthographic camera.
 */
final class SyntheticFace {

  private SyntheticFace() {
  }

  /**
   * @param eyeHeight half the lid opening in face units (0.06 gives an eye aspect ratio of about 0.34, 0 a shut eye)
   * @param yawDegrees turn, positive when the nose points to the image's left
   */
  static FaceLandmarks face(double centreX, double centreY, double scale, double rollDegrees, double eyeHeight,
      double yawDegrees) {
    double[][] p = new double[68][];
    for (int i = 0; i <= 16; i++) {                       // jaw, from the image's left ear round the chin
      double t = Math.PI * i / 16;
      p[i] = new double[] {-Math.cos(t), Math.sin(t), -0.6 + 0.4 * Math.sin(t)};
    }
    for (int i = 0; i < 5; i++) {                         // brows
      double x = 0.75 - 0.15 * i;
      double y = -0.45 - 0.05 * Math.sin(Math.PI * i / 4);
      p[17 + i] = new double[] {-x, y, 0};
      p[26 - i] = new double[] {x, y, 0};
    }
    double[] bridge = {-0.35, -0.2, -0.05, 0.1};
    for (int i = 0; i < 4; i++) p[27 + i] = new double[] {0, bridge[i], 0.1 + 0.1 * i};
    double[] baseX = {-0.2, -0.1, 0, 0.1, 0.2};
    for (int i = 0; i < 5; i++) p[31 + i] = new double[] {baseX[i], i == 2 ? 0.22 : 0.2, 0.25 - 0.1 * Math.abs(baseX[i]) * 5};
    double h = eyeHeight;
    double[][] leftEye = {{-0.6, -0.25}, {-0.5, -0.25 - h}, {-0.35, -0.25 - h}, {-0.25, -0.25}, {-0.35, -0.25 + h},
        {-0.5, -0.25 + h}};
    for (int i = 0; i < 6; i++) {
      p[36 + i] = new double[] {leftEye[i][0], leftEye[i][1], 0};
      // The mirror partner of each point (iBUG: 36<->45, 37<->44, 38<->43, 39<->42, 40<->47, 41<->46).
      int partner = LandmarkGeometry.MIRRORED[36 + i];
      p[partner] = new double[] {-leftEye[i][0], leftEye[i][1], 0};
    }
    double[][] mouth = {{-0.35, 0.5}, {-0.2, 0.45}, {-0.08, 0.42}, {0, 0.44}, {0.08, 0.42}, {0.2, 0.45}, {0.35, 0.5},
        {0.2, 0.58}, {0.08, 0.61}, {0, 0.62}, {-0.08, 0.61}, {-0.2, 0.58}, {-0.28, 0.5}, {-0.1, 0.48}, {0, 0.48},
        {0.1, 0.48}, {0.28, 0.5}, {0.1, 0.53}, {0, 0.53}, {-0.1, 0.53}};
    for (int i = 0; i < 20; i++) p[48 + i] = new double[] {mouth[i][0], mouth[i][1], 0.1};
    double yaw = Math.toRadians(yawDegrees), roll = Math.toRadians(rollDegrees);
    var points = new ArrayList<Point>(68);
    for (double[] q : p) {
      double x = q[0] * Math.cos(yaw) - q[2] * Math.sin(yaw);   // the nose (depth > 0) moves left for yaw > 0
      double y = q[1];
      points.add(new Point(centreX + scale * (x * Math.cos(roll) - y * Math.sin(roll)),
          centreY + scale * (x * Math.sin(roll) + y * Math.cos(roll))));
    }
    return new FaceLandmarks(points);
  }

  static FaceLandmarks frontal() {
    return face(320, 240, 60, 0, 0.06, 0);
  }
}
