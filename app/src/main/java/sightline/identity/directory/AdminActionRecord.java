package sightline.identity.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * An administrator's action on an account.
 *
 * @param actor who did it; null when the system did (first administrator from configuration)
 * @param account the account acted on; null for a setting that concerns no single account
 * @param action CREATED, UPDATED, ROLES_CHANGED, DISABLED, ENABLED, UNLOCKED, PASSWORD_RESET, APPROVED,
 *     TWO_FACTOR_RESET or TWO_FACTOR_REQUIREMENT
 * @param detail what changed, e.g. the new roles; never a secret
 */
public record AdminActionRecord(Instant at, @Nullable AccountId actor, @Nullable AccountId account, String action,
    @Nullable String detail) {}
