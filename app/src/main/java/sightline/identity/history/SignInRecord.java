package sightline.identity.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;

/**
 * One sign-in attempt as the history shows it.
 *
 * @param account the account the identifier matched, or null when it matched none
 * @param identifier what was typed (an e-mail address or phone number)
 * @param ip the client's address as the server saw it
 */
public record SignInRecord(Instant at, @Nullable AccountId account, String identifier, SignInMethod method,
    SignInOutcome outcome, @Nullable String ip, @Nullable String userAgent) {}
