-- Face API for integrators (biometrics.faceapi): applications with API keys and scopes, their subjects (not
-- Sightline accounts) and the subjects' encrypted face templates. Raw images are never stored: a template row keeps
-- only metadata about the image it came from.
CREATE TABLE biometrics.face_api_application (
    id          UUID PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    -- The lower-cased name: a plain UNIQUE on it makes names unique regardless of case on both databases.
    name_key    VARCHAR(100) NOT NULL,
    enabled     BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID NOT NULL,
    CONSTRAINT face_api_application_name_unique UNIQUE (name_key)
);

-- Only the SHA-256 of a key is stored (hex); the key itself is shown once, when it is created.
CREATE TABLE biometrics.face_api_key (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES biometrics.face_api_application (id),
    name            VARCHAR(100) NOT NULL,
    prefix          VARCHAR(16) NOT NULL,
    secret_sha256   VARCHAR(64) NOT NULL,
    scopes          VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      UUID,
    CONSTRAINT face_api_key_secret_unique UNIQUE (secret_sha256)
);
CREATE INDEX face_api_key_application ON biometrics.face_api_key (application_id);

-- Who did what to an application or key, and when (actor: an identity account id, no cross-schema FK).
CREATE TABLE biometrics.face_api_admin_action (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES biometrics.face_api_application (id),
    key_id          UUID,
    action          VARCHAR(30) NOT NULL,
    actor           UUID NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT face_api_admin_action_kind CHECK (action IN ('APPLICATION_CREATED', 'APPLICATION_DISABLED',
        'APPLICATION_ENABLED', 'KEY_CREATED', 'KEY_REVOKED'))
);
CREATE INDEX face_api_admin_action_application ON biometrics.face_api_admin_action (application_id, at);

CREATE TABLE biometrics.face_api_subject (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES biometrics.face_api_application (id),
    name            VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT face_api_subject_name_unique UNIQUE (application_id, name)
);

-- One template per accepted image; sealed with TemplateCipher for owner 'subject:<subject id>'.
CREATE TABLE biometrics.face_api_template (
    id              UUID PRIMARY KEY,
    subject_id      UUID NOT NULL REFERENCES biometrics.face_api_subject (id) ON DELETE CASCADE,
    application_id  UUID NOT NULL REFERENCES biometrics.face_api_application (id),
    cipher_key_id   VARCHAR(16) NOT NULL,
    sealed          BYTEA NOT NULL,
    image_format    VARCHAR(4) NOT NULL,
    image_width     INTEGER NOT NULL,
    image_height    INTEGER NOT NULL,
    image_bytes     INTEGER NOT NULL,
    face_left       DOUBLE PRECISION NOT NULL,
    face_top        DOUBLE PRECISION NOT NULL,
    face_right      DOUBLE PRECISION NOT NULL,
    face_bottom     DOUBLE PRECISION NOT NULL,
    detector_score  DOUBLE PRECISION NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT face_api_template_format CHECK (image_format IN ('JPEG', 'PNG'))
);
CREATE INDEX face_api_template_subject ON biometrics.face_api_template (subject_id);
CREATE INDEX face_api_template_application ON biometrics.face_api_template (application_id);
