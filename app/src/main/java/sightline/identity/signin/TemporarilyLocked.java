package sightline.identity.signin;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A sign-in refused because the account is locked for a while after too many wrong secrets. A bad credential to
 * every caller that does not look further (the API answers it like a wrong password); the sign-in form tells the
 * person how long to wait, as it does for the rate limit, which an attacker meets first anyway.
 */
final class TemporarilyLocked extends BadCredentialsException {

  private final Duration wait;

  TemporarilyLocked(Duration wait) {
    super("account locked for a while");
    this.wait = wait;
  }

  Duration waitFor() {
    return wait;
  }
}
