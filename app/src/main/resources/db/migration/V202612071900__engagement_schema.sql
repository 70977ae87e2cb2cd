-- The engagement module's schema: each student's time per attention state in short buckets of a class session.
-- No picture and no face data: frames are analysed in memory and discarded. Rows go with their session.
CREATE SCHEMA engagement;

CREATE TABLE engagement.timeline_bucket
(
  session_id          UUID                     NOT NULL REFERENCES courses.class_session (id) ON DELETE CASCADE,
  student_id          UUID                     NOT NULL,
  bucket_start        TIMESTAMP WITH TIME ZONE NOT NULL,
  attentive_ms        INTEGER                  NOT NULL CHECK (attentive_ms >= 0),
  looking_away_ms     INTEGER                  NOT NULL CHECK (looking_away_ms >= 0),
  eyes_closed_ms      INTEGER                  NOT NULL CHECK (eyes_closed_ms >= 0),
  drowsy_ms           INTEGER                  NOT NULL CHECK (drowsy_ms >= 0),
  absent_ms           INTEGER                  NOT NULL CHECK (absent_ms >= 0),
  someone_else_ms     INTEGER                  NOT NULL CHECK (someone_else_ms >= 0),
  identity_checks     INTEGER                  NOT NULL CHECK (identity_checks >= 0),
  identity_mismatches INTEGER                  NOT NULL CHECK (identity_mismatches >= 0),
  PRIMARY KEY (session_id, student_id, bucket_start)
);
CREATE INDEX timeline_bucket_by_student ON engagement.timeline_bucket (student_id, session_id);
