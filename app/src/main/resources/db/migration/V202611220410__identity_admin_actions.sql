-- What administrators did to accounts: who, to whom, what, when. Written in the same transaction as the change.
CREATE TABLE identity.admin_action
(
  id         UUID                     NOT NULL PRIMARY KEY,
  actor_id   UUID,
  account_id UUID                     NOT NULL,
  action     VARCHAR(24)              NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'ROLES_CHANGED', 'DISABLED',
                                                                 'ENABLED', 'UNLOCKED', 'PASSWORD_RESET',
                                                                 'APPROVED')),
  detail     VARCHAR(500),
  at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admin_action_by_account ON identity.admin_action (account_id, at);
