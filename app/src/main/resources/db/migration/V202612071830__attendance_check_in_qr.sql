-- Sessions whose teacher shows the rotating QR code: check-in then also needs the code on show.
CREATE TABLE attendance.qr_session
(
  session_id UUID                     NOT NULL PRIMARY KEY REFERENCES courses.class_session (id) ON DELETE CASCADE,
  since      TIMESTAMP WITH TIME ZONE NOT NULL
);
