package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundingBoxTests {

  @Test
  void iouOfOverlappingIdenticalAndDisjointBoxes() {
    var a = new BoundingBox(0, 0, 10, 10);
    assertThat(a.iou(a)).isEqualTo(1.0);
    assertThat(a.iou(new BoundingBox(5, 0, 15, 10))).isCloseTo(50.0 / 150.0, within(1e-12));
    assertThat(a.iou(new BoundingBox(10, 0, 20, 10))).isZero();
    assertThat(a.iou(new BoundingBox(3, 3, 3, 3))).isZero();
  }

  @Test
  void clipsMirrorsAndScales() {
    var box = new BoundingBox(-5, 2, 30, 12);
    assertThat(box.clippedTo(20, 10)).isEqualTo(new BoundingBox(0, 2, 20, 10));
    assertThat(new BoundingBox(1, 2, 4, 6).mirrored(10)).isEqualTo(new BoundingBox(6, 2, 9, 6));
    assertThat(new BoundingBox(1, 2, 4, 6).scaled(2)).isEqualTo(new BoundingBox(2, 4, 8, 12));
    assertThat(new BoundingBox(0, 0, 4, 2).centre()).isEqualTo(new Point(2, 1));
  }

  @Test
  void refusesCornersOutOfOrder() {
    assertThatThrownBy(() -> new BoundingBox(5, 0, 4, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundingBox(0, Double.NaN, 4, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
