package sightline.attendance.record;

import org.jspecify.annotations.Nullable;

/**
 * What the check-in pipeline knew when it decided; every part is null when it was not (yet) measured.
 *
 * @param similarity     face similarity to the student's template, [-1, 1]
 * @param livenessScore  the liveness session's score, [0, 1]
 * @param latitude       the device's reported position, degrees
 * @param longitude      degrees
 * @param accuracyMetres the reported accuracy radius of that position
 * @param distanceMetres geodesic distance from the session's place
 * @param deviceHash     salted SHA-256 of the browser's device id, 64 hex digits
 * @param ipAddress      the client address
 * @param userAgent      the browser's User-Agent, at most 300 characters
 */
public record Evidence(@Nullable Double similarity, @Nullable Double livenessScore, @Nullable Double latitude,
    @Nullable Double longitude, @Nullable Double accuracyMetres, @Nullable Double distanceMetres,
    @Nullable String deviceHash, @Nullable String ipAddress, @Nullable String userAgent) {

  public static final int MAX_USER_AGENT = 300;

  public Evidence {
    if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT);
    }
    if (ipAddress != null && ipAddress.length() > 45) {
      ipAddress = ipAddress.substring(0, 45);
    }
  }

  /** Nothing measured: manual marks and automatic absences. */
  public static Evidence none() {
    return new Evidence(null, null, null, null, null, null, null, null, null);
  }

  public Evidence withFace(double similarity, double livenessScore) {
    return new Evidence(similarity, livenessScore, latitude, longitude, accuracyMetres, distanceMetres, deviceHash,
        ipAddress, userAgent);
  }

  public Evidence withLiveness(double livenessScore) {
    return new Evidence(similarity, livenessScore, latitude, longitude, accuracyMetres, distanceMetres, deviceHash,
        ipAddress, userAgent);
  }

  public Evidence withDistance(double distanceMetres) {
    return new Evidence(similarity, livenessScore, latitude, longitude, accuracyMetres, distanceMetres, deviceHash,
        ipAddress, userAgent);
  }
}
