package sightline.courses;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sightline.identity.AccountId;

/**
 * Courses, their class sessions and their rosters, as other modules read them (attendance, engagement). Teachers
 * manage them through this module's own pages and API. Thread-safe; every read is a short transaction of its own.
 */
public interface Courses {

  Optional<CourseView> find(CourseId course);

  /** @throws CourseNotFound when there is no such course */
  CourseView get(CourseId course);

  /** @throws ClassSessionNotFound when there is no such session */
  ClassSessionView session(ClassSessionId session);

  /** Whether {@code student} is enrolled in the course. */
  boolean isEnrolled(CourseId course, AccountId student);

  /** The course's enrolled students (its roster), for 1:N identification among them only. */
  Set<AccountId> enrolledStudents(CourseId course);

  /** The courses {@code student} is enrolled in, by code. */
  List<CourseView> coursesOf(AccountId student);

  /** The courses {@code teacher} owns or co-teaches, by code. */
  List<CourseView> coursesTaughtBy(AccountId teacher);

  /** The course's sessions, by start. */
  List<ClassSessionView> sessions(CourseId course);

  /** The sessions of {@code student}'s courses that are open at {@code now}, by start. */
  List<ClassSessionView> openSessionsFor(AccountId student, Instant now);

  /**
   * Sessions whose check-in ended (by time or by the teacher) in [{@code from}, {@code to}), for work that follows
   * the end of a session (marking the unmarked absent).
   */
  List<ClassSessionView> sessionsEndedBetween(Instant from, Instant to);

  /**
   * Opens a session before its start. Announced as {@link ClassSessionOpened}.
   *
   * @throws ClassSessionNotFound when there is no such session
   * @throws NotCourseTeacher     unless {@code by} teaches the course or is an administrator
   */
  ClassSessionView openEarly(ClassSessionId session, AccountId by);

  /**
   * Closes a session before its end. Announced as {@link ClassSessionClosed}.
   *
   * @throws ClassSessionNotFound when there is no such session
   * @throws NotCourseTeacher     unless {@code by} teaches the course or is an administrator
   */
  ClassSessionView close(ClassSessionId session, AccountId by);
}
