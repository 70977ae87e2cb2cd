-- TOTP second factor (identity.totp). One credential per account: the secret is AES-256-GCM ciphertext (nonce +
-- ciphertext + tag) under the key named by key_id; enabled_at is null until the owner confirmed a code from it.
-- last_used_step is the RFC 6238 time step accepted last: no step is accepted twice (replay protection).
CREATE TABLE identity.totp_credential
(
  account_id     UUID                     NOT NULL PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
  secret         BYTEA                    NOT NULL,
  key_id         VARCHAR(16)              NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  enabled_at     TIMESTAMP WITH TIME ZONE,
  last_used_step BIGINT,
  version        BIGINT                   NOT NULL
);

-- Ten single-use recovery codes per enabled credential, stored as SHA-256 (hex) salted with the account id: each
-- has 80 random bits, so a fast hash is enough (as for reset tokens).
CREATE TABLE identity.totp_recovery_code
(
  id         UUID                     NOT NULL PRIMARY KEY,
  account_id UUID                     NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  code_hash  VARCHAR(64)              NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  version    BIGINT                   NOT NULL
);
CREATE INDEX totp_recovery_code_by_account ON identity.totp_recovery_code (account_id);

-- The administrator's requirement: which roles must use a second factor. A row per role that can be required.
CREATE TABLE identity.totp_requirement
(
  role       VARCHAR(16)              NOT NULL PRIMARY KEY CHECK (role IN ('ADMIN', 'TEACHER')),
  required   BOOLEAN                  NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE,
  changed_by UUID
);
INSERT INTO identity.totp_requirement (role, required) VALUES ('ADMIN', FALSE);
INSERT INTO identity.totp_requirement (role, required) VALUES ('TEACHER', FALSE);

-- New administrator actions (resetting someone's second factor, changing the requirement). The column's unnamed
-- CHECK has a different generated name on H2 and PostgreSQL, so the column is rebuilt with a named constraint.
-- A requirement change concerns no single account, hence account_id may now be null.
ALTER TABLE identity.admin_action ADD COLUMN kind VARCHAR(24);
UPDATE identity.admin_action SET kind = action;
ALTER TABLE identity.admin_action DROP COLUMN action;
ALTER TABLE identity.admin_action RENAME COLUMN kind TO action;
ALTER TABLE identity.admin_action ALTER COLUMN action SET NOT NULL;
ALTER TABLE identity.admin_action ADD CONSTRAINT admin_action_kind CHECK (action IN ('CREATED', 'UPDATED',
  'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'UNLOCKED', 'PASSWORD_RESET', 'APPROVED', 'TWO_FACTOR_RESET',
  'TWO_FACTOR_REQUIREMENT'));
ALTER TABLE identity.admin_action ALTER COLUMN account_id DROP NOT NULL;
