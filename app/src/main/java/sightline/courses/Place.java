package sightline.courses;

/**
 * Where a class session meets: a circle on the WGS-84 ellipsoid. Check-in is accepted inside it.
 *
 * @param latitude      degrees, -90..90
 * @param longitude     degrees, -180..180
 * @param radiusMetres  1..10,000 (100 by default)
 */
public record Place(double latitude, double longitude, int radiusMetres) {

  /** The radius a new place gets unless the teacher sets another. */
  public static final int DEFAULT_RADIUS_METRES = 100;

  public Place {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("not a position: " + latitude + ", " + longitude);
    }
    if (radiusMetres < 1 || radiusMetres > 10_000) {
      throw new IllegalArgumentException("radius out of range: " + radiusMetres);
    }
  }

  /**
   * The geodesic distance in metres from this place's centre to a position, on the WGS-84 ellipsoid (Vincenty's
   * inverse formula; accurate to well under a metre at classroom distances).
   */
  public double distanceMetresTo(double latitude, double longitude) {
    return Geodesy.distanceMetres(this.latitude, this.longitude, latitude, longitude);
  }
}
