package sightline.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Geodesic distances against values known independently of Vincenty's formula. */
class PlaceTests {

  private static final double A = 6_378_137.0;
  private static final double F = 1 / 298.257_223_563;
  private static final double E2 = F * (2 - F);

  @Test
  void aPointHundredMetresNorthIsHundredMetresAway() {
    for (double latitude : new double[] {0, 28.6139, -33.8688, 59.9}) {
      // The meridian's radius of curvature at this latitude turns 100 m along it into degrees of latitude.
      double sin = Math.sin(Math.toRadians(latitude));
      double meridianRadius = A * (1 - E2) / Math.pow(1 - E2 * sin * sin, 1.5);
      double north = latitude + Math.toDegrees(100 / meridianRadius);

      assertThat(new Place(latitude, 77.2, 100).distanceMetresTo(north, 77.2)).isCloseTo(100, within(0.001));
    }
  }

  @Test
  void aPointHundredMetresEastAlongTheEquatorIsHundredMetresAway() {
    double east = Math.toDegrees(100 / A);

    assertThat(new Place(0, 10, 100).distanceMetresTo(0, 10 + east)).isCloseTo(100, within(0.001));
  }

  @Test
  void longLinesMatchReferenceValues() {
    // Vincenty (1975) and Geoscience Australia's worked example: Flinders Peak to Buninyong, 54 972.271 m.
    Place flindersPeak = new Place(-(37 + 57 / 60.0 + 3.72030 / 3600), 144 + 25 / 60.0 + 29.52440 / 3600, 100);
    assertThat(flindersPeak.distanceMetresTo(-(37 + 39 / 60.0 + 10.15610 / 3600), 143 + 55 / 60.0 + 35.38390 / 3600))
        .isCloseTo(54_972.271, within(0.001));
    // A quarter of the equator is a quarter of a circle of radius a.
    assertThat(new Place(0, 0, 100).distanceMetresTo(0, 90)).isCloseTo(A * Math.PI / 2, within(0.001));
    // The WGS-84 quarter meridian, 10 001 965.729 m.
    assertThat(new Place(0, 0, 100).distanceMetresTo(90, 0)).isCloseTo(10_001_965.729, within(0.001));
  }

  @Test
  void theSamePointIsNoDistanceAway() {
    assertThat(new Place(28.6139, 77.209, 100).distanceMetresTo(28.6139, 77.209)).isZero();
  }

  @Test
  void refusesPositionsAndRadiiOutOfRange() {
    assertThatThrownBy(() -> new Place(91, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Place(0, Double.NaN, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Place(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Place(0, 0, 10_001)).isInstanceOf(IllegalArgumentException.class);
  }
}
