-- Accounts, their roles, and every sign-in attempt. email_key is the lower-cased e-mail: a plain UNIQUE on it gives
-- case-insensitive uniqueness on both H2 and PostgreSQL without functional indexes.
CREATE SCHEMA identity;

CREATE TABLE identity.account
(
  id              UUID                     NOT NULL PRIMARY KEY,
  email           VARCHAR(254)             NOT NULL,
  email_key       VARCHAR(254)             NOT NULL UNIQUE,
  display_name    VARCHAR(120)             NOT NULL,
  phone           VARCHAR(16) UNIQUE,
  department      VARCHAR(120),
  status          VARCHAR(16)              NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED', 'DISABLED')),
  password_hash   VARCHAR(255),
  failed_sign_ins INT                      NOT NULL,
  lockouts        INT                      NOT NULL,
  locked_until    TIMESTAMP WITH TIME ZONE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  last_sign_in_at TIMESTAMP WITH TIME ZONE,
  version         BIGINT                   NOT NULL
);

CREATE TABLE identity.account_role
(
  account_id UUID        NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  role       VARCHAR(16) NOT NULL CHECK (role IN ('ADMIN', 'TEACHER', 'STUDENT', 'MEMBER')),
  PRIMARY KEY (account_id, role)
);

-- One row per attempt, successful or not; account_id is null when the identifier matched no account.
CREATE TABLE identity.sign_in_attempt
(
  id         UUID                     NOT NULL PRIMARY KEY,
  account_id UUID,
  identifier VARCHAR(254)             NOT NULL,
  method     VARCHAR(16)              NOT NULL,
  outcome    VARCHAR(32)              NOT NULL,
  ip         VARCHAR(45),
  user_agent VARCHAR(512),
  at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_attempt_by_account ON identity.sign_in_attempt (account_id, at);
CREATE INDEX sign_in_attempt_by_time ON identity.sign_in_attempt (at);
