package sightline.identity.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of API tokens ({@code sightline.identity.tokens.*}).
 *
 * @param issuer the {@code iss} claim written into and required of every access token
 * @param accessTokenLifetime how long an access token is accepted (15 minutes by default)
 * @param keyRotation the age after which the next access token is signed by a fresh key
 * @param refreshTokenIdle how long an unused refresh token stays valid; each refresh starts a new one
 * @param refreshTokenAbsolute how long a family of refresh tokens lives from sign-in, however often it is used
 */
@ConfigurationProperties("sightline.identity.tokens")
record TokenSettings(
    @DefaultValue("sightline") String issuer,
    @DefaultValue("15m") Duration accessTokenLifetime,
    @DefaultValue("7d") Duration keyRotation,
    @DefaultValue("14d") Duration refreshTokenIdle,
    @DefaultValue("90d") Duration refreshTokenAbsolute) {

  /** Clock difference tolerated when checking {@code exp}; also how long past that a retired key is kept. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  TokenSettings {
    if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero() || keyRotation.isNegative()
        || keyRotation.isZero() || refreshTokenIdle.isNegative() || refreshTokenAbsolute.isNegative()) {
      throw new IllegalArgumentException("token lifetimes and the key rotation age must be positive");
    }
  }
}
