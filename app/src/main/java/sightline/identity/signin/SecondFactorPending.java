package sightline.identity.signin;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Transient;
import sightline.identity.AccountId;

/**
 * What a right password gives an account that needs its second factor: not a signed-in user but the pending state
 * of the second step. Never authenticated, and {@link Transient}, so Spring Security never keeps it in the HTTP
 * session; form login's success handler ({@link SignInSecurity}) sends the browser to the second step, and the API
 * answers {@link PendingSignIn#problem()}. Only ever given after the password was verified, so it reveals nothing
 * to someone who does not know the password.
 */
@Transient
public final class SecondFactorPending extends AbstractAuthenticationToken {

  private final PendingSignIn signIn;

  SecondFactorPending(PendingSignIn signIn) {
    super(List.of());
    this.signIn = signIn;
    setAuthenticated(false);
  }

  /** The pending state the second step continues. */
  public PendingSignIn signIn() {
    return signIn;
  }

  @Override
  public AccountId getPrincipal() {
    return signIn.account();
  }

  @Override
  public Object getCredentials() {
    return "";
  }
}
