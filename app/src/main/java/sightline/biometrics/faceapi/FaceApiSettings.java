package sightline.biometrics.faceapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the face API ({@code sightline.face-api.*}). The per-key request rate is the named rate limit
 * {@code face-api} ({@code sightline.rate-limits.face-api.capacity/period}, 60 per minute by default).
 *
 * @param maxImageSize   largest upload accepted, by its bytes (default 5 MiB)
 * @param maxImagePixels largest picture accepted, by the pixels its header announces (default 24 MP)
 * @param maxResults     most subjects {@code /recognize} returns per face
 */
@ConfigurationProperties("sightline.face-api")
record FaceApiSettings(@DefaultValue("5MB") DataSize maxImageSize, @DefaultValue("24000000") long maxImagePixels,
    @DefaultValue("10") int maxResults) {

  /** The name of the per-key limit in {@code system.RateLimits}. */
  static final String RATE_LIMIT = "face-api";
}
