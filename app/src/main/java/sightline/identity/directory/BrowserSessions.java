package sightline.identity.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import sightline.identity.AccountId;
import sightline.identity.SignedInUser;

/**
 * The browser sessions an account is signed in with, as the session registry knows them (every interactive sign-in
 * registers its session): ended when the password changes or the account is disabled.
 */
@Component
public class BrowserSessions {

  private final SessionRegistry sessions;

  BrowserSessions(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  /** Ends the account's registered browser sessions except {@code keep}. */
  public void end(AccountId id, @Nullable String keep) {
    for (Object principal : sessions.getAllPrincipals()) {
      if (principal instanceof SignedInUser user && user.id().equals(id)) {
        sessions.getAllSessions(principal, false).stream()
            .filter(session -> !session.getSessionId().equals(keep))
            .forEach(SessionInformation::expireNow);
      }
    }
  }
}
