-- Every ended liveness session: who it was for, from where, how it ended and why, scores and challenge timings.
-- No images and no embeddings. subject_id refers to identity.account by id only (no cross-schema key).
CREATE TABLE biometrics.liveness_session (
    id                     UUID PRIMARY KEY,
    purpose                VARCHAR(16) NOT NULL CHECK (purpose IN ('SELF_TEST', 'SIGN_IN', 'CHECK_IN', 'ENROLMENT')),
    subject_id             UUID,
    client_address         VARCHAR(64) NOT NULL,
    outcome                VARCHAR(8) NOT NULL CHECK (outcome IN ('PASSED', 'FAILED')),
    -- comma-separated LivenessOutcome.Reason names, empty when passed
    reasons                VARCHAR(400) NOT NULL,
    passive_liveness_score DOUBLE PRECISION NOT NULL CHECK (passive_liveness_score BETWEEN 0 AND 1),
    frames                 INTEGER NOT NULL CHECK (frames >= 0),
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX liveness_session_subject ON biometrics.liveness_session (subject_id, ended_at);

CREATE TABLE biometrics.liveness_session_challenge (
    session_id   UUID NOT NULL REFERENCES biometrics.liveness_session (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 0),
    challenge    VARCHAR(16) NOT NULL CHECK (challenge IN ('BLINK', 'TURN_LEFT', 'TURN_RIGHT', 'LOOK_UP', 'COME_CLOSER')),
    -- milliseconds from the session's start until the challenge was met; NULL when it was not
    met_after_ms BIGINT,
    PRIMARY KEY (session_id, position)
);
