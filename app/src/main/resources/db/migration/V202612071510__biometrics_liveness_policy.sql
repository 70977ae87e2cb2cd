-- The site's liveness policy, versioned: every change is a new row (the highest version is in force), with who made
-- it, when, how (the shipped default, a site calibration, an administrator's edit) and a note; rows are never
-- updated or deleted, so this table is the policy's audit trail. Version 1 is the shipped default
-- (LivenessPolicy.defaults() of the vision library; vision/README.md gives the figures behind each number).
CREATE TABLE biometrics.liveness_policy (
    version               INTEGER PRIMARY KEY CHECK (version >= 1),
    -- the passive fusion: logistic model on the three models' log-odds
    bias                  DOUBLE PRECISION NOT NULL,
    fr_liveness_weight    DOUBLE PRECISION NOT NULL,
    minifasnet_v2_weight  DOUBLE PRECISION NOT NULL,
    minifasnet_v1se_weight DOUBLE PRECISION NOT NULL,
    threshold             DOUBLE PRECISION NOT NULL CHECK (threshold BETWEEN 0 AND 1),
    threshold_with_motion DOUBLE PRECISION NOT NULL CHECK (threshold_with_motion BETWEEN 0 AND 1),
    -- the motion cue
    planar_below          DOUBLE PRECISION NOT NULL CHECK (planar_below BETWEEN 0 AND 1),
    rigid_above           DOUBLE PRECISION NOT NULL CHECK (rigid_above BETWEEN 0 AND 1),
    min_frames            INTEGER NOT NULL CHECK (min_frames >= 1),
    -- which cues are required: the passive score; rigid 3-D head motion in sessions that ask for a head turn
    require_passive       BOOLEAN NOT NULL,
    require_motion        BOOLEAN NOT NULL,
    -- after two passive failures, a teacher or administrator may confirm the person in person
    manual_fallback       BOOLEAN NOT NULL,
    source                VARCHAR(16) NOT NULL CHECK (source IN ('DEFAULT', 'CALIBRATION', 'ADMIN')),
    note                  VARCHAR(1000) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the administrator who adopted it (identity.account by id only); NULL for the shipped default
    created_by            UUID,
    CHECK (threshold_with_motion <= threshold)
);
INSERT INTO biometrics.liveness_policy VALUES (1, -0.252, 0.611, -0.062, 0.354, 0.739, 0.739, 0.40, 0.57, 3,
    TRUE, TRUE, TRUE, 'DEFAULT', 'The shipped default policy.', TIMESTAMP WITH TIME ZONE '2026-12-07 00:00:00+00', NULL);

-- Every liveness decision records the cues behind it and the policy version that decided.
ALTER TABLE biometrics.liveness_session ADD COLUMN policy_version INTEGER REFERENCES biometrics.liveness_policy (version);
ALTER TABLE biometrics.liveness_session ADD COLUMN fr_liveness_score DOUBLE PRECISION;
ALTER TABLE biometrics.liveness_session ADD COLUMN minifasnet_score DOUBLE PRECISION;
ALTER TABLE biometrics.liveness_session ADD COLUMN passive_threshold DOUBLE PRECISION;
ALTER TABLE biometrics.liveness_session ADD COLUMN usable_frames INTEGER;
-- THREE_D, PLANAR, NOT_RIGID or TOO_LITTLE_MOTION over the whole session, and per challenge segment ("TURN_LEFT:PLANAR,...")
ALTER TABLE biometrics.liveness_session ADD COLUMN motion VARCHAR(20);
ALTER TABLE biometrics.liveness_session ADD COLUMN motion_segments VARCHAR(200);
ALTER TABLE biometrics.liveness_session ADD COLUMN non_planarity DOUBLE PRECISION;
ALTER TABLE biometrics.liveness_session ADD COLUMN non_rigidity DOUBLE PRECISION;
-- comma-separated QualityProblem names, most frequent first
ALTER TABLE biometrics.liveness_session ADD COLUMN quality_problems VARCHAR(100);

-- A teacher's or administrator's confirmation, in person, that someone who failed passive liveness is who they are
-- and present: recorded as such, never as a passed liveness session.
CREATE TABLE biometrics.liveness_manual_confirmation (
    id             UUID PRIMARY KEY,
    subject_id     UUID NOT NULL,
    confirmed_by   UUID NOT NULL,
    policy_version INTEGER NOT NULL REFERENCES biometrics.liveness_policy (version),
    note           VARCHAR(400) NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX liveness_manual_confirmation_subject ON biometrics.liveness_manual_confirmation (subject_id, confirmed_at);

-- A face proves a live person, not a secret: by default administrators also give their TOTP code after a face
-- sign-in (or set one up first).
ALTER TABLE biometrics.settings ADD COLUMN admin_face_second_factor BOOLEAN DEFAULT TRUE NOT NULL;

-- A site calibration: staff run liveness sessions on the site's cameras from the administrators' liveness page; the
-- page proposes thresholds from those sessions' scores, and accepting them adopts a new policy version.
CREATE TABLE biometrics.liveness_calibration (
    id               UUID PRIMARY KEY,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by       UUID NOT NULL,
    -- the policy version its proposal became, NULL until accepted
    accepted_version INTEGER REFERENCES biometrics.liveness_policy (version)
);
CREATE TABLE biometrics.liveness_calibration_session (
    calibration_id UUID NOT NULL REFERENCES biometrics.liveness_calibration (id) ON DELETE CASCADE,
    -- a biometrics.liveness_session id; that row is written when the session ends
    session_id     UUID NOT NULL,
    PRIMARY KEY (calibration_id, session_id)
);
