package sightline.identity.totp;

import sightline.identity.AccountId;

/** An administrator removed an account's TOTP credential and recovery codes (the account sets up anew). */
public record TwoFactorReset(AccountId account, AccountId admin) {}
