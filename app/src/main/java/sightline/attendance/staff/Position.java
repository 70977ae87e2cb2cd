package sightline.attendance.staff;

/**
 * Where a browser says it is (the Geolocation API).
 *
 * @param latitude       degrees, -90..90
 * @param longitude      degrees, -180..180
 * @param accuracyMetres the radius of 95% confidence the browser gives, metres, ≥ 0
 */
public record Position(double latitude, double longitude, double accuracyMetres) {

  public Position {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)
        || !(accuracyMetres >= 0)) {
      throw new IllegalArgumentException("not a position: " + latitude + ", " + longitude + " ±" + accuracyMetres);
    }
  }
}
