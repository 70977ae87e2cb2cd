package sightline.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An administrator's action on an account.
 *
 * @param actor who did it; null when the system did (first administrator from configuration)
 * @param action CREATED, UPDATED, ROLES_CHANGED, DISABLED, ENABLED, UNLOCKED or PASSWORD_RESET
 * @param detail what changed, e.g. the new roles; never a secret
 */
public record AdminActionRecord(Instant at, @Nullable AccountId actor, AccountId account, String action,
    @Nullable String detail) {}
