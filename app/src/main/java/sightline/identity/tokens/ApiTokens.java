package sightline.identity.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountStatus;
import sightline.identity.AccountView;
import sightline.identity.CredentialsRevoked;
import sightline.identity.SignedInUser;
import sightline.identity.signin.SecondFactorAnswer;
import sightline.identity.signin.SecondFactorNeeded;
import sightline.identity.signin.SecondFactorPending;
import sightline.identity.signin.SecondFactorSetUpNeeded;
import sightline.system.RateLimitExceeded;

/**
 * Signs API clients in and keeps them signed in: an access token (JWT, short-lived) plus a refresh token (opaque,
 * single use). Each refresh uses up the presented token and returns the next one of its family; presenting a used
 * token again means it was copied, so the whole family is revoked and both holders must sign in again.
 */
@Service
public class ApiTokens {

  private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

  private final AuthenticationManager signIn;
  private final AccessTokens accessTokens;
  private final RefreshTokenRepository refreshTokens;
  private final AccountDirectory directory;
  private final TokenSettings settings;
  private final Clock clock;

  /**
   * @param providers the identity module's sign-in providers (today {@code PasswordSignIn}): the API goes through
   *     the very same checks, lockout, rate limit and history as the sign-in form
   */
  ApiTokens(ObjectProvider<AuthenticationProvider> providers, AccessTokens accessTokens,
      RefreshTokenRepository refreshTokens, AccountDirectory directory, TokenSettings settings, Clock clock) {
    this.signIn = new ProviderManager(providers.orderedStream().toList());
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Signs in with e-mail and password and starts a new token family. Runs outside any transaction (Argon2 first).
   *
   * @param secondFactor a TOTP or recovery code, for accounts with a second factor; ignored for others
   * @throws CredentialsRejected for an unknown e-mail, a wrong password, a locked or disabled account alike, and
   *     for a wrong second factor
   * @throws SecondFactorNeeded after a right password, when the account has a second factor and none was sent
   * @throws SecondFactorSetUpNeeded after a right password, when the account's role requires a second factor that
   *     it has not set up yet
   * @throws RateLimitExceeded when this address tried this e-mail too often
   */
  IssuedTokens signIn(String email, String password, @Nullable String secondFactor) {
    Authentication result;
    var credentials = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    if (secondFactor != null) {
      credentials.setDetails(new SecondFactorAnswer(secondFactor));
    }
    try {
      result = signIn.authenticate(credentials);
    } catch (AuthenticationServiceException e) {
      if (e.getCause() instanceof RateLimitExceeded limited) {
        throw limited;
      }
      throw e;
    } catch (AuthenticationException e) {
      throw new CredentialsRejected();
    }
    if (result instanceof SecondFactorPending pending) {
      throw pending.signIn().problem(); // given only after the password was verified
    }
    SignedInUser user = (SignedInUser) result.getPrincipal();
    var refresh = RefreshToken.startFamily(user.id(), clock.instant(), settings);
    refreshTokens.save(refresh.row());
    return issued(user, refresh.token());
  }

  /**
   * Exchanges a refresh token for the next pair. A refusal commits what it decided (a revoked family stays
   * revoked), hence no rollback for {@link RefreshTokenRejected}.
   *
   * @throws RefreshTokenRejected when the token is unknown, expired, revoked or used, or the account may no longer
   *     sign in; a used token or such an account also revokes the token's family
   */
  @Transactional(noRollbackFor = RefreshTokenRejected.class)
  IssuedTokens refresh(String token) {
    Instant now = clock.instant();
    RefreshToken presented = refreshTokens.findByTokenHash(RefreshToken.hash(token))
        .orElseThrow(RefreshTokenRejected::new);
    if (presented.isRevoked() || presented.isExpiredAt(now)) {
      throw new RefreshTokenRejected();
    }
    if (presented.isUsed() || refreshTokens.markUsed(presented.id(), now) == 0) {
      refreshTokens.revokeFamily(presented.familyId(), now);
      log.warn("A used refresh token was presented again for account {}: token family {} revoked",
          presented.account(), presented.familyId());
      throw new RefreshTokenRejected();
    }
    // Only the status decides: a temporary lockout (failed password guesses by anyone who knows the e-mail) does
    // not end sessions, or guessing would be a way to sign other people out.
    Optional<AccountView> account = directory.find(presented.account());
    if (account.isEmpty() || account.get().status() != AccountStatus.ACTIVE) {
      refreshTokens.revokeFamily(presented.familyId(), now);
      throw new RefreshTokenRejected();
    }
    AccountView current = account.get();
    var next = presented.successor(now, settings);
    refreshTokens.save(next.row());
    return issued(SignedInUser.of(current), next.token());
  }

  /** Revokes the family of {@code token}. Unknown or already revoked tokens are ignored: signing out never fails. */
  @Transactional
  void signOut(String token) {
    refreshTokens.findByTokenHash(RefreshToken.hash(token))
        .ifPresent(found -> refreshTokens.revokeFamily(found.familyId(), clock.instant()));
  }

  /**
   * Revokes every refresh token of an account, e.g. after a password change or when it is disabled. Access tokens
   * already issued stay valid until they expire (at most {@link TokenSettings#accessTokenLifetime()}).
   */
  @Transactional
  public void revokeAll(AccountId account) {
    refreshTokens.revokeAccount(account.value(), clock.instant());
  }

  // A plain listener, not @ApplicationModuleListener: the revocation must commit or fail with the password change
  // or disablement that caused it, or a stolen refresh token would outlive the change.
  @EventListener
  void on(CredentialsRevoked event) {
    revokeAll(event.account());
  }

  private IssuedTokens issued(SignedInUser user, String refreshToken) {
    return new IssuedTokens(accessTokens.issue(user), "Bearer", accessTokens.lifetime().toSeconds(), refreshToken);
  }
}
