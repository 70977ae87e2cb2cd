package sightline.faceapi;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API key, for this request only (never stored in a session). Authorities: one per
 * scope and {@link #KEY_AUTHORITY}, which only key-authenticated requests hold, so a browser session never reaches
 * the face API.
 */
final class FaceApiKeyAuthentication extends AbstractAuthenticationToken {

  static final String KEY_AUTHORITY = "FACE_API_KEY";

  private final ApiCaller caller;

  FaceApiKeyAuthentication(ApiCaller caller) {
    super(authorities(caller));
    this.caller = caller;
    setAuthenticated(true);
  }

  private static List<GrantedAuthority> authorities(ApiCaller caller) {
    var authorities = new ArrayList<GrantedAuthority>();
    authorities.add(new SimpleGrantedAuthority(KEY_AUTHORITY));
    caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
    return authorities;
  }

  @Override
  public ApiCaller getPrincipal() {
    return caller;
  }

  /** The key itself is not kept. */
  @Override
  public Object getCredentials() {
    return "";
  }
}
