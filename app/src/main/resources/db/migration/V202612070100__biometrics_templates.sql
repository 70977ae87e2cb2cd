-- Face enrolment and matching (issue 5). Accounts are referred to by id only (no foreign keys across schemas).

-- A person's consent to face enrolment: which consent text version, when, and who recorded it (the person, or an
-- administrator on their behalf). Deleted with the templates.
CREATE TABLE biometrics.face_consent
(
  account_id      UUID                     NOT NULL PRIMARY KEY,
  consent_version VARCHAR(40)              NOT NULL,
  consented_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by     UUID                     NOT NULL
);

-- Face templates, AES-256-GCM sealed by TemplateCipher with owner 'account:<uuid>' as associated data; key_id names
-- the key for rotation. Quality figures are kept to explain an enrolment, never the picture.
CREATE TABLE biometrics.face_template
(
  id            UUID                     NOT NULL PRIMARY KEY,
  account_id    UUID                     NOT NULL,
  key_id        VARCHAR(16)              NOT NULL,
  sealed        BYTEA                    NOT NULL,
  source        VARCHAR(10)              NOT NULL CHECK (source IN ('CAMERA', 'PHOTO')),
  face_size_px  DOUBLE PRECISION         NOT NULL,
  sharpness     DOUBLE PRECISION         NOT NULL,
  live_score    DOUBLE PRECISION,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX face_template_account ON biometrics.face_template (account_id);

-- Every verification and identification: scores, outcome, purpose, who asked, when. No images, no templates.
CREATE TABLE biometrics.face_decision
(
  id                 UUID                     NOT NULL PRIMARY KEY,
  decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  mode               VARCHAR(10)              NOT NULL CHECK (mode IN ('VERIFY', 'IDENTIFY')),
  purpose            VARCHAR(20)              NOT NULL
    CHECK (purpose IN ('SIGN_IN', 'ATTENDANCE', 'SELF_CHECK', 'PHOTO_CHECK', 'API')),
  outcome            VARCHAR(20)              NOT NULL
    CHECK (outcome IN ('MATCH', 'NO_MATCH', 'UNKNOWN', 'AMBIGUOUS', 'NOT_ENROLLED', 'NOT_LIVE', 'NO_FACE',
                       'SEVERAL_FACES')),
  claimed_account    UUID,
  matched_account    UUID,
  similarity         DOUBLE PRECISION,
  threshold          DOUBLE PRECISION         NOT NULL,
  liveness_score     DOUBLE PRECISION,
  liveness_threshold DOUBLE PRECISION         NOT NULL,
  group_size         INTEGER,
  reasons            VARCHAR(400)             NOT NULL,
  requested_by       UUID
);
CREATE INDEX face_decision_at ON biometrics.face_decision (decided_at);

-- Frames behind decisions, kept only while an administrator has switched storeAuditFrames on. Sealed like templates
-- (owner 'audit-frame:<id>'); a frame always names the person it concerns, so it is deleted with their data.
CREATE TABLE biometrics.audit_frame
(
  id          UUID                     NOT NULL PRIMARY KEY,
  decision_id UUID                     NOT NULL REFERENCES biometrics.face_decision (id) ON DELETE CASCADE,
  account_id  UUID                     NOT NULL,
  key_id      VARCHAR(16)              NOT NULL,
  sealed      BYTEA                    NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_frame_account ON biometrics.audit_frame (account_id);

-- Administrator switches; exactly one row.
CREATE TABLE biometrics.settings
(
  id                 INTEGER                  NOT NULL PRIMARY KEY CHECK (id = 1),
  store_audit_frames BOOLEAN                  NOT NULL,
  face_only_sign_in  BOOLEAN                  NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE,
  updated_by         UUID
);
INSERT INTO biometrics.settings (id, store_audit_frames, face_only_sign_in) VALUES (1, FALSE, FALSE);
