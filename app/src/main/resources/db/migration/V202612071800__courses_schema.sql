-- The courses module's schema: courses, their co-teachers and enrolled students, and their class sessions.
-- Other modules' rows that belong to a session reference courses.class_session with ON DELETE CASCADE, so that
-- deleting a course or a session removes what belongs to it in the same transaction.
CREATE SCHEMA courses;

CREATE TABLE courses.course
(
  id              UUID                     NOT NULL PRIMARY KEY,
  code            VARCHAR(40)              NOT NULL,
  title           VARCHAR(200)             NOT NULL,
  section         VARCHAR(40)              NOT NULL,
  teacher_id      UUID                     NOT NULL,
  join_code       VARCHAR(12)              NOT NULL UNIQUE,
  grace_minutes   INTEGER                  NOT NULL CHECK (grace_minutes >= 0 AND grace_minutes <= 240),
  warning_percent INTEGER                  NOT NULL CHECK (warning_percent >= 0 AND warning_percent <= 100),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  version         BIGINT                   NOT NULL,
  CONSTRAINT course_unique_per_teacher UNIQUE (code, section, teacher_id)
);
CREATE INDEX course_by_teacher ON courses.course (teacher_id);

CREATE TABLE courses.co_teacher
(
  course_id  UUID NOT NULL REFERENCES courses.course (id) ON DELETE CASCADE,
  teacher_id UUID NOT NULL,
  PRIMARY KEY (course_id, teacher_id)
);
CREATE INDEX co_teacher_by_teacher ON courses.co_teacher (teacher_id);

-- How a student came to be enrolled: added by a teacher, imported from a CSV, or joined with the course's code.
CREATE TABLE courses.enrolment
(
  course_id   UUID                     NOT NULL REFERENCES courses.course (id) ON DELETE CASCADE,
  student_id  UUID                     NOT NULL,
  enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
  source      VARCHAR(20)              NOT NULL CHECK (source IN ('TEACHER', 'IMPORT', 'JOIN_CODE', 'API')),
  PRIMARY KEY (course_id, student_id)
);
CREATE INDEX enrolment_by_student ON courses.enrolment (student_id);

-- One meeting of a course. A weekly series shares a series_id. No place means an online session.
CREATE TABLE courses.class_session
(
  id            UUID                     NOT NULL PRIMARY KEY,
  course_id     UUID                     NOT NULL REFERENCES courses.course (id) ON DELETE CASCADE,
  series_id     UUID,
  title         VARCHAR(200)             NOT NULL,
  room          VARCHAR(100)             NOT NULL,
  starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude      DOUBLE PRECISION,
  longitude     DOUBLE PRECISION,
  radius_metres INTEGER,
  opened_at     TIMESTAMP WITH TIME ZONE,
  closed_at     TIMESTAMP WITH TIME ZONE,
  version       BIGINT                   NOT NULL,
  CONSTRAINT class_session_ends_after_start CHECK (ends_at > starts_at),
  CONSTRAINT class_session_place_complete CHECK ((latitude IS NULL) = (longitude IS NULL)
    AND (latitude IS NULL) = (radius_metres IS NULL)),
  CONSTRAINT class_session_place_valid CHECK (latitude IS NULL OR (latitude BETWEEN -90 AND 90
    AND longitude BETWEEN -180 AND 180 AND radius_metres BETWEEN 1 AND 10000))
);
CREATE INDEX class_session_by_course ON courses.class_session (course_id, starts_at);
CREATE INDEX class_session_by_end ON courses.class_session (ends_at);
