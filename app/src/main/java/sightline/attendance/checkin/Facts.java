package sightline.attendance.checkin;

import org.jspecify.annotations.Nullable;

/**
 * What a check-in's answer tells the student besides its outcome: how far from the place, the place's radius, the
 * reported accuracy, and how long to wait after too many attempts. These are the arguments of every
 * {@code checkin.outcome.*} message, in this order ({0} metres away, {1} radius, {2} accuracy, {3} seconds).
 */
record Facts(@Nullable Double distanceMetres, @Nullable Integer radiusMetres, @Nullable Double accuracyMetres,
    long retryAfterSeconds) {

  static Facts none() {
    return new Facts(null, null, null, 0);
  }

  Facts withRetryAfter(long seconds) {
    return new Facts(distanceMetres, radiusMetres, accuracyMetres, seconds);
  }

  Object[] arguments() {
    return new Object[] {round(distanceMetres), radiusMetres == null ? 0 : radiusMetres, round(accuracyMetres),
        retryAfterSeconds};
  }

  private static long round(@Nullable Double metres) {
    return metres == null ? 0 : Math.round(metres);
  }
}
