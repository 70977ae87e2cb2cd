-- The diagnosis module's schema: diagnoses with their top classes, the re-encoded pictures (never the upload as
-- sent), farmers' feedback, who has seen the disclaimer, and the plant-disease models administrators uploaded.
CREATE SCHEMA diagnosis;

CREATE TABLE diagnosis.diagnosis
(
  id               UUID                     NOT NULL PRIMARY KEY,
  account_id       UUID                     NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  model_version    VARCHAR(200)             NOT NULL,
  outcome          VARCHAR(20)              NOT NULL CHECK (outcome IN ('DIAGNOSED', 'RETAKE')),
  reject_reason    VARCHAR(20) CHECK (reject_reason IN ('REJECT_CLASS', 'LOW_PROBABILITY', 'LOW_MARGIN')),
  best_label       VARCHAR(200)             NOT NULL,
  feedback_correct BOOLEAN,
  feedback_label   VARCHAR(200),
  feedback_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT diagnosis_reason_when_retake CHECK ((outcome = 'RETAKE') = (reject_reason IS NOT NULL)),
  CONSTRAINT diagnosis_feedback_complete CHECK ((feedback_at IS NULL) = (feedback_label IS NULL)
    AND (feedback_at IS NULL) = (feedback_correct IS NULL))
);
CREATE INDEX diagnosis_by_account ON diagnosis.diagnosis (account_id, created_at);

-- The classes of one diagnosis, most probable first (place 0); five are kept.
CREATE TABLE diagnosis.prediction
(
  diagnosis_id UUID         NOT NULL REFERENCES diagnosis.diagnosis (id) ON DELETE CASCADE,
  place        INTEGER      NOT NULL,
  label        VARCHAR(200) NOT NULL,
  probability  REAL         NOT NULL CHECK (probability >= 0 AND probability <= 1),
  PRIMARY KEY (diagnosis_id, place)
);

-- The picture as the server re-encoded it (JPEG, at most 1024 px, no EXIF), and a small thumbnail.
CREATE TABLE diagnosis.picture
(
  diagnosis_id UUID  NOT NULL PRIMARY KEY REFERENCES diagnosis.diagnosis (id) ON DELETE CASCADE,
  jpeg         BYTEA NOT NULL,
  thumbnail    BYTEA NOT NULL
);

CREATE TABLE diagnosis.disclaimer_seen
(
  account_id UUID                     NOT NULL PRIMARY KEY,
  seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Models administrators uploaded; the bundled model is not stored here.
CREATE TABLE diagnosis.model
(
  id          UUID                     NOT NULL PRIMARY KEY,
  version     VARCHAR(200)             NOT NULL UNIQUE,
  onnx        BYTEA                    NOT NULL,
  metadata    VARCHAR(20000)           NOT NULL,
  sha256      VARCHAR(64)              NOT NULL,
  uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  uploaded_by UUID                     NOT NULL
);

-- Every activation, newest last: the active model is the newest row's (the bundled one when there is none), and
-- restoring the previous model activates the version of the row before it.
CREATE TABLE diagnosis.model_activation
(
  id           UUID                     NOT NULL PRIMARY KEY,
  version      VARCHAR(200)             NOT NULL,
  activated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  activated_by UUID                     NOT NULL
);
CREATE INDEX model_activation_by_time ON diagnosis.model_activation (activated_at);
