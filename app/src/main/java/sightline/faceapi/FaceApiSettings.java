package sightline.faceapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the face API ({@code sightline.face-api.*}). The per-key request rate is the named rate limit
 * {@code face-api} ({@code sightline.rate-limits.face-api.capacity/period}, 60 per minute by default); the upload
 * limits are those of {@code system.ImageUse.UPLOAD} ({@code sightline.images.upload.*}, which still honours the
 * older {@code sightline.face-api.max-image-size} and {@code max-image-pixels}).
 *
 * @param maxResults most subjects {@code /recognize} returns per face
 */
@ConfigurationProperties("sightline.face-api")
record FaceApiSettings(@DefaultValue("10") int maxResults) {

  /** The name of the per-key limit in {@code system.RateLimits}. */
  static final String RATE_LIMIT = "face-api";
}
