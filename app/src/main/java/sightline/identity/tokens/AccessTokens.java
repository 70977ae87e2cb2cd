package sightline.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * Writes and reads access tokens: ES256 JWTs whose header names the signing key ({@code kid}) and whose claims carry
 * what {@link SignedInUser} needs ({@code sub} = account id, {@code email}, {@code name}, {@code roles}), so a bearer
 * request needs no database read. The roles are therefore as old as the token (at most 15 minutes).
 */
@Component
class AccessTokens {

  static final String EMAIL = "email";
  static final String NAME = "name";
  static final String ROLES = "roles";

  private final SigningKeys keys;
  private final TokenSettings settings;
  private final Clock clock;

  AccessTokens(SigningKeys keys, TokenSettings settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  /** A signed access token for {@code user}, valid for {@link TokenSettings#accessTokenLifetime()} from now. */
  String issue(SignedInUser user) {
    Instant now = clock.instant();
    var claims = new JWTClaimsSet.Builder()
        .issuer(settings.issuer())
        .subject(user.id().toString())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
        .claim(EMAIL, user.email())
        .claim(NAME, user.displayName())
        .claim(ROLES, user.roles().stream().map(Role::name).sorted().toList())
        .build();
    return sign(keys.signingKey(), claims);
  }

  Duration lifetime() {
    return settings.accessTokenLifetime();
  }

  static String sign(ECKey key, JWTClaimsSet claims) {
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
    }
    return jwt.serialize();
  }

  /**
   * The decoder the bearer-token filter uses: only ES256, only keys {@link SigningKeys} still trusts (an unknown
   * {@code kid}, {@code alg=none} or HMAC are refused by Nimbus before any claim is read), then issuer and expiry
   * with one minute of clock skew.
   */
  JwtDecoder decoder() {
    JWKSource<SecurityContext> trusted = (selector, context) -> selector.select(new JWKSet(keys.verificationKeys()));
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(trusted).jwsAlgorithm(SignatureAlgorithm.ES256).build();
    var expiry = new JwtTimestampValidator(TokenSettings.CLOCK_SKEW);
    expiry.setClock(clock);
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(settings.issuer())));
    return decoder;
  }

  /** The caller a verified token names. */
  static SignedInUser signedInUser(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList(ROLES);
    Set<Role> parsed = EnumSet.noneOf(Role.class);
    if (roles != null) {
      roles.forEach(role -> parsed.add(Role.valueOf(role)));
    }
    return new SignedInUser(new AccountId(UUID.fromString(jwt.getSubject())), jwt.getClaimAsString(EMAIL),
        jwt.getClaimAsString(NAME), parsed);
  }
}
