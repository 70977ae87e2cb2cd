package sightline.attendance.staff;

import org.jspecify.annotations.Nullable;
import sightline.courses.Place;

/**
 * The place rule of a staff check-in: the school's place must be set, the browser must give a position, that
 * position must be at least as accurate as the place's radius (otherwise inside and outside cannot be told apart, a
 * reason of its own), and its geodesic distance from the centre at most the radius.
 *
 * @param outcome  {@link StaffOutcome#ACCEPTED} when the place rule holds, else the refusal
 * @param distanceMetres from the place's centre; null without a place or a position
 */
record PlaceCheck(StaffOutcome outcome, @Nullable Double distanceMetres) {

  static PlaceCheck of(@Nullable Place place, @Nullable Position position) {
    if (place == null) {
      return new PlaceCheck(StaffOutcome.PLACE_NOT_SET, null);
    }
    if (position == null) {
      return new PlaceCheck(StaffOutcome.LOCATION_MISSING, null);
    }
    double distance = place.distanceMetresTo(position.latitude(), position.longitude());
    if (position.accuracyMetres() > place.radiusMetres()) {
      return new PlaceCheck(StaffOutcome.LOCATION_TOO_INACCURATE, distance);
    }
    return new PlaceCheck(distance <= place.radiusMetres() ? StaffOutcome.ACCEPTED : StaffOutcome.OUTSIDE_PLACE,
        distance);
  }
}
