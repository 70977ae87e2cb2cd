package sightline.attendance.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sightline.courses.Place;

class PlaceCheckTests {

  private static final Place SCHOOL = new Place(12.9716, 77.5946, 100);

  @Test
  void refusesEveryCheckInUntilThePlaceIsSet() {
    assertThat(PlaceCheck.of(null, new Position(12.9716, 77.5946, 10)).outcome())
        .isEqualTo(StaffOutcome.PLACE_NOT_SET);
  }

  @Test
  void refusesAMissingPosition() {
    assertThat(PlaceCheck.of(SCHOOL, null)).isEqualTo(new PlaceCheck(StaffOutcome.LOCATION_MISSING, null));
  }

  @Test
  void acceptsAPositionInsideTheRadius() {
    // 0.0005 degrees of latitude is about 55 m.
    PlaceCheck check = PlaceCheck.of(SCHOOL, new Position(12.9721, 77.5946, 20));
    assertThat(check.outcome()).isEqualTo(StaffOutcome.ACCEPTED);
    assertThat(check.distanceMetres()).isBetween(50.0, 60.0);
  }

  @Test
  void refusesAPositionOutsideTheRadiusWithItsDistance() {
    PlaceCheck check = PlaceCheck.of(SCHOOL, new Position(12.9736, 77.5946, 20));
    assertThat(check.outcome()).isEqualTo(StaffOutcome.OUTSIDE_PLACE);
    assertThat(check.distanceMetres()).isBetween(215.0, 230.0);
  }

  @Test
  void aPositionLessAccurateThanTheRadiusIsItsOwnReasonEvenAtTheCentre() {
    assertThat(PlaceCheck.of(SCHOOL, new Position(12.9716, 77.5946, 150)).outcome())
        .isEqualTo(StaffOutcome.LOCATION_TOO_INACCURATE);
    assertThat(PlaceCheck.of(SCHOOL, new Position(12.9716, 77.5946, 100)).outcome())
        .isEqualTo(StaffOutcome.ACCEPTED);
  }
}
