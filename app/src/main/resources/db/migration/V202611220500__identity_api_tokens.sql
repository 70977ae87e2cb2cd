-- API tokens. signing_key holds the keys that sign access tokens (JWT, ES256), so tokens survive a restart; the
-- newest key signs, older ones only verify until the tokens they signed have expired, then they are deleted.
-- The private key is a JWK (JSON) in the row: whoever can read this table can mint tokens, like whoever can read
-- the database can already read everything the tokens guard.
CREATE TABLE identity.signing_key
(
  kid         VARCHAR(64)              NOT NULL PRIMARY KEY,
  algorithm   VARCHAR(16)              NOT NULL CHECK (algorithm IN ('ES256')),
  private_jwk VARCHAR(2000)            NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Refresh tokens: only the SHA-256 of the opaque token is stored. Every refresh uses up one row and adds the next
-- one to the same family; presenting a used row again revokes the whole family (reuse detection).
CREATE TABLE identity.refresh_token
(
  id                UUID                     NOT NULL PRIMARY KEY,
  token_hash        VARCHAR(64)              NOT NULL UNIQUE,
  family_id         UUID                     NOT NULL,
  account_id        UUID                     NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  family_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at           TIMESTAMP WITH TIME ZONE,
  revoked_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_by_family ON identity.refresh_token (family_id);
CREATE INDEX refresh_token_by_account ON identity.refresh_token (account_id);
