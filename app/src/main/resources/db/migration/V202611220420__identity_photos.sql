-- Profile photos, re-encoded by the server (JPEG, at most 256x256, no metadata); one per account.
CREATE TABLE identity.account_photo
(
  account_id UUID                     NOT NULL PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
  jpeg       BYTEA                    NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
