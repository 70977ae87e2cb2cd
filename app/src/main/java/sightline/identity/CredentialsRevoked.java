package sightline.identity;

/**
 * Everything an account signed in with must stop working: its password changed or it was disabled. Published
 * inside the transaction of the change.
 */
public record CredentialsRevoked(AccountId account) {}
