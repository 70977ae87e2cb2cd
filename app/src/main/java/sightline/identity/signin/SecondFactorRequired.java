package sightline.identity.signin;

import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponseException;

/**
 * The first factor was right but the account needs its second factor ({@link #setUpFirst()}: it must set one up
 * first). Thrown by the password {@code AuthenticationProvider} so that no session or token is issued; only ever
 * after the password was verified, so it reveals nothing to someone who does not know the password.
 */
public final class SecondFactorRequired extends AuthenticationException {

  private final boolean setUpFirst;

  public SecondFactorRequired(boolean setUpFirst) {
    super(setUpFirst ? "second factor must be set up" : "second factor required");
    this.setUpFirst = setUpFirst;
  }

  /** Whether the account has no second factor yet and its role requires one. */
  public boolean setUpFirst() {
    return setUpFirst;
  }

  /** The answer for an API client: {@link SecondFactorNeeded} or {@link SecondFactorSetUpNeeded}. */
  public ErrorResponseException problem() {
    return setUpFirst ? new SecondFactorSetUpNeeded() : new SecondFactorNeeded();
  }
}
