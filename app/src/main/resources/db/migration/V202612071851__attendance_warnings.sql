-- Attendance warnings sent: one row while a student stays below the course's warning percentage, so each fall below
-- it is mailed once; the row goes when the student is back above, so a later fall warns again.
CREATE TABLE attendance.warning_sent
(
  course_id UUID                     NOT NULL REFERENCES courses.course (id) ON DELETE CASCADE,
  student_id UUID                    NOT NULL,
  percent   DOUBLE PRECISION         NOT NULL,
  sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (course_id, student_id)
);
