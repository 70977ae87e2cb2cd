package sightline.identity;

import java.time.Instant;

/**
 * Someone set a new password through a reset link. Sessions and API tokens issued before {@code at} should no longer
 * be trusted. Part of the identity API; add fields, never rename or remove.
 */
public record PasswordResetCompleted(AccountId account, Instant at) {}
