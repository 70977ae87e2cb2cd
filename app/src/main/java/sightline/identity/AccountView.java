package sightline.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An account as other modules and pages see it: no secrets, no lock counters.
 *
 * @param awaitingApproval self-registered and not yet approved by an administrator; cannot sign in
 */
public record AccountView(AccountId id, String email, String displayName, Set<Role> roles,
    @Nullable String department, AccountStatus status, Instant createdAt, @Nullable Instant lastSignInAt,
    boolean awaitingApproval) {

  public AccountView {
    roles = Set.copyOf(roles);
  }
}
