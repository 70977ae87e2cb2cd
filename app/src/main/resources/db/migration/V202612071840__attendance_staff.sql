-- Staff attendance: the school's place (one row, set by an administrator), one check-in per teacher per day in the
-- school's time zone, and every staff check-in attempt with its outcome and evidence.
CREATE TABLE attendance.staff_place
(
  id            SMALLINT                 NOT NULL PRIMARY KEY CHECK (id = 1),
  latitude      DOUBLE PRECISION         NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude     DOUBLE PRECISION         NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  radius_metres INTEGER                  NOT NULL CHECK (radius_metres BETWEEN 1 AND 10000),
  updated_by    UUID                     NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE attendance.staff_check_in
(
  id              UUID                     NOT NULL PRIMARY KEY,
  teacher_id      UUID                     NOT NULL,
  on_day          DATE                     NOT NULL,
  checked_in_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  similarity      REAL                     NOT NULL,
  liveness_score  REAL                     NOT NULL,
  distance_metres REAL                     NOT NULL,
  accuracy_metres REAL                     NOT NULL,
  ip_address      VARCHAR(45),
  user_agent      VARCHAR(300),
  -- Once a day: two tabs checking in at once give one row.
  CONSTRAINT staff_check_in_once UNIQUE (teacher_id, on_day)
);
CREATE INDEX staff_check_in_by_day ON attendance.staff_check_in (on_day);

CREATE TABLE attendance.staff_attempt
(
  id              UUID                     NOT NULL PRIMARY KEY,
  teacher_id      UUID                     NOT NULL,
  on_day          DATE                     NOT NULL,
  at              TIMESTAMP WITH TIME ZONE NOT NULL,
  outcome         VARCHAR(30)              NOT NULL,
  similarity      REAL,
  liveness_score  REAL,
  latitude        DOUBLE PRECISION,
  longitude       DOUBLE PRECISION,
  accuracy_metres REAL,
  distance_metres REAL,
  ip_address      VARCHAR(45),
  user_agent      VARCHAR(300)
);
CREATE INDEX staff_attempt_by_day ON attendance.staff_attempt (on_day, teacher_id, at);
