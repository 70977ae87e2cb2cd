package sightline.identity.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountView;

/**
 * An account as administrators see it: the view plus whether it is locked now, and until when.
 *
 * @param locked sign-in is refused now because of too many wrong secrets
 * @param lockedUntil when a temporary lock ends; null when not locked, or locked until an administrator unlocks it
 */
public record AccountState(AccountView account, boolean locked, @Nullable Instant lockedUntil) {

  /** Locked with no end: only an administrator's unlock lets the account sign in again. */
  public boolean lockedForGood() {
    return locked && lockedUntil == null;
  }
}
