package sightline.identity.tokens;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import sightline.identity.SignedInUser;

/**
 * A caller authenticated by a bearer access token. The principal is the same {@link SignedInUser} a browser session
 * holds, so {@code @AuthenticationPrincipal SignedInUser} works for both; authorities are the {@code ROLE_} names.
 */
final class AccessTokenAuthentication extends AbstractAuthenticationToken {

  private final SignedInUser user;
  private final Jwt token;

  AccessTokenAuthentication(SignedInUser user, Jwt token) {
    super(user.authorities());
    this.user = user;
    this.token = token;
    setAuthenticated(true);
  }

  @Override
  public SignedInUser getPrincipal() {
    return user;
  }

  /** The verified token (its claims, not a secret that could be replayed elsewhere than this API). */
  @Override
  public Jwt getCredentials() {
    return token;
  }
}
