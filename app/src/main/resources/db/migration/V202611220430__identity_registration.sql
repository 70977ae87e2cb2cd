-- Self-registered accounts may wait for an administrator's approval before they can sign in.
ALTER TABLE identity.account ADD COLUMN awaiting_approval BOOLEAN DEFAULT FALSE NOT NULL;
