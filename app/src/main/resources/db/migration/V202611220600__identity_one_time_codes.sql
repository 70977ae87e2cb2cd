-- One-time sign-in codes and password-reset tokens. Only hashes are stored (SHA-256, hex). A code row names its
-- recipient (lower-cased e-mail or E.164 phone) and, when one exists, the account; a code to an unknown phone has no
-- account yet and creates one when it is confirmed.
CREATE TABLE identity.one_time_code
(
  id            UUID                     NOT NULL PRIMARY KEY,
  channel       VARCHAR(8)               NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  recipient_key VARCHAR(254)             NOT NULL,
  account_id    UUID REFERENCES identity.account (id) ON DELETE CASCADE,
  code_hash     VARCHAR(64)              NOT NULL,
  tries         INT                      NOT NULL CHECK (tries >= 0),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at       TIMESTAMP WITH TIME ZONE,
  version       BIGINT                   NOT NULL
);
CREATE INDEX one_time_code_by_recipient ON identity.one_time_code (recipient_key, created_at);

CREATE TABLE identity.password_reset
(
  id         UUID                     NOT NULL PRIMARY KEY,
  account_id UUID                     NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  token_hash VARCHAR(64)              NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  version    BIGINT                   NOT NULL
);
CREATE INDEX password_reset_by_account ON identity.password_reset (account_id);
