package sightline.courses;

/** Distances on the WGS-84 ellipsoid. */
final class Geodesy {

  private static final double A = 6_378_137.0;
  private static final double F = 1 / 298.257_223_563;
  private static final double B = A * (1 - F);

  private Geodesy() {
  }

  /**
   * Vincenty's inverse formula. For nearly antipodal points, where it does not converge, it falls back to the
   * spherical distance (those are never near a classroom).
   */
  static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
    double l = Math.toRadians(lon2 - lon1);
    double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
    double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
    double sinU1 = Math.sin(u1);
    double cosU1 = Math.cos(u1);
    double sinU2 = Math.sin(u2);
    double cosU2 = Math.cos(u2);
    double lambda = l;
    for (int i = 0; i < 200; i++) {
      double sinLambda = Math.sin(lambda);
      double cosLambda = Math.cos(lambda);
      double sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2)
          + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
      if (sinSigma == 0) {
        return 0;
      }
      double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      double sigma = Math.atan2(sinSigma, cosSigma);
      double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      double cos2Alpha = 1 - sinAlpha * sinAlpha;
      double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
      double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
      double previous = lambda;
      lambda = l + (1 - c) * F * sinAlpha
          * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
      if (Math.abs(lambda - previous) < 1e-12) {
        double uSq = cos2Alpha * (A * A - B * B) / (B * B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * bigA * (sigma - deltaSigma);
      }
    }
    return haversine(lat1, lon1, lat2, lon2);
  }

  private static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
        + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
