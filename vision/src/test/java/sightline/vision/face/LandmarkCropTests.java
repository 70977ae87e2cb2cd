package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

class LandmarkCropTests {

  @Test
  void cropIsTheBoxClippedToTheImage() {
    var crop = LandmarkCrop.crop(new BoundingBox(-10, 20, 50, 200), 100, 150);
    assertThat(crop).isEqualTo(new LandmarkCrop.Crop(0, 20, 50, 130));
  }

  @Test
  void decodesFractionsOfTheCropToSourcePixels() {
    float[] out = new float[136];
    out[0] = 0.5f;
    out[1] = 0.25f;
    out[135] = 1f;
    var points = LandmarkCrop.decode(out, new LandmarkCrop.Crop(100, 40, 80, 60));
    assertThat(points).hasSize(68);
    assertThat(points.get(0)).isEqualTo(new Point(140, 55));
    assertThat(points.get(67).y()).isEqualTo(100);
    assertThatThrownBy(() -> LandmarkCrop.decode(new float[10], new LandmarkCrop.Crop(0, 0, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inputIsGreyOverTwoHundredFiftySix() {
    int w = 8, h = 8;
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      rgb[3 * i] = (byte) 200;
      rgb[3 * i + 1] = (byte) 100;
      rgb[3 * i + 2] = (byte) 50;
    }
    float[] grey = LandmarkCrop.grey(rgb, w, h, new LandmarkCrop.Crop(0, 0, 8, 8));
    assertThat(grey).hasSize(64 * 64);
    float luma = 0.299f * 200 + 0.587f * 100 + 0.114f * 50;
    assertThat(grey[2080]).isCloseTo(luma, within(0.01f));
    assertThat(LandmarkCrop.input(grey)[5]).isCloseTo(luma / 256f, within(1e-4f));
  }

  @Test
  void fivePointsFollowTheSixtyEightPointLayout() {
    var points = new ArrayList<Point>(Collections.nCopies(68, new Point(0, 0)));
    points.set(37, new Point(10, 10));
    points.set(38, new Point(14, 10));
    points.set(40, new Point(14, 14));
    points.set(41, new Point(10, 14));
    points.set(30, new Point(30, 40));
    points.set(48, new Point(20, 60));
    points.set(60, new Point(22, 60));
    var landmarks = new FaceLandmarks(points);
    assertThat(landmarks.leftEyeCentre()).isEqualTo(new Point(12, 12));
    assertThat(landmarks.noseTip()).isEqualTo(new Point(30, 40));
    assertThat(landmarks.mouthLeft()).isEqualTo(new Point(21, 60));
    assertThat(landmarks.fivePoints()).hasSize(5);
    assertThatThrownBy(() -> new FaceLandmarks(points.subList(0, 5))).isInstanceOf(IllegalArgumentException.class);
  }
}
