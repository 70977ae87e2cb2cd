-- The attendance module's core: one record per student and class session, its corrections, and every check-in
-- attempt, accepted or refused. Rows belong to a class session and go with it (ON DELETE CASCADE).
CREATE SCHEMA attendance;

CREATE TABLE attendance.check_in
(
  id              UUID                     NOT NULL PRIMARY KEY,
  session_id      UUID                     NOT NULL REFERENCES courses.class_session (id) ON DELETE CASCADE,
  course_id       UUID                     NOT NULL,
  student_id      UUID                     NOT NULL,
  status          VARCHAR(10)              NOT NULL CHECK (status IN ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')),
  method          VARCHAR(10)              NOT NULL CHECK (method IN ('SELF', 'KIOSK', 'MANUAL', 'AUTOMATIC')),
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  similarity      REAL,
  liveness_score  REAL,
  distance_metres REAL,
  accuracy_metres REAL,
  device_hash     VARCHAR(64),
  ip_address      VARCHAR(45),
  user_agent      VARCHAR(300),
  remark          VARCHAR(500),
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  version         BIGINT                   NOT NULL,
  -- One record per student and session: concurrent check-ins of one student give one row.
  CONSTRAINT check_in_once UNIQUE (session_id, student_id)
);
CREATE INDEX check_in_by_course ON attendance.check_in (course_id, student_id);
CREATE INDEX check_in_by_student ON attendance.check_in (student_id, recorded_at);

-- Every change of a record's status by a teacher, with the remark; nothing is overwritten without a row here.
CREATE TABLE attendance.correction
(
  id          UUID                     NOT NULL PRIMARY KEY,
  check_in_id UUID                     NOT NULL REFERENCES attendance.check_in (id) ON DELETE CASCADE,
  from_status VARCHAR(10)              NOT NULL,
  to_status   VARCHAR(10)              NOT NULL,
  remark      VARCHAR(500)             NOT NULL,
  by_id       UUID                     NOT NULL,
  at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX correction_by_check_in ON attendance.correction (check_in_id, at);

-- Every check-in attempt, accepted or refused, with the evidence the pipeline had when it decided.
CREATE TABLE attendance.attempt
(
  id              UUID                     NOT NULL PRIMARY KEY,
  session_id      UUID                     NOT NULL REFERENCES courses.class_session (id) ON DELETE CASCADE,
  course_id       UUID                     NOT NULL,
  student_id      UUID,
  method          VARCHAR(10)              NOT NULL CHECK (method IN ('SELF', 'KIOSK')),
  outcome         VARCHAR(30)              NOT NULL,
  at              TIMESTAMP WITH TIME ZONE NOT NULL,
  similarity      REAL,
  liveness_score  REAL,
  latitude        DOUBLE PRECISION,
  longitude       DOUBLE PRECISION,
  accuracy_metres REAL,
  distance_metres REAL,
  device_hash     VARCHAR(64),
  ip_address      VARCHAR(45),
  user_agent      VARCHAR(300)
);
CREATE INDEX attempt_by_session ON attendance.attempt (session_id, at);
CREATE INDEX attempt_by_student ON attendance.attempt (student_id, at);

-- Points per status for a course (P 2, L 1, E 1, A 0 unless the teacher changes them).
CREATE TABLE attendance.status_points
(
  course_id UUID    NOT NULL PRIMARY KEY REFERENCES courses.course (id) ON DELETE CASCADE,
  present   INTEGER NOT NULL,
  late      INTEGER NOT NULL,
  excused   INTEGER NOT NULL,
  absent    INTEGER NOT NULL
);

-- Sessions whose unmarked students were marked absent; the insert is the once-per-cluster claim.
CREATE TABLE attendance.session_finalised
(
  session_id UUID                     NOT NULL PRIMARY KEY REFERENCES courses.class_session (id) ON DELETE CASCADE,
  at         TIMESTAMP WITH TIME ZONE NOT NULL
);
