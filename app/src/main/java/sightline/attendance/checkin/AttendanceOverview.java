package sightline.attendance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.record.AttemptView;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.StatusPointsView;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.identity.AccountId;

/**
 * What the attendance pages show a person about themselves: a student's sessions open now, their percentage per
 * course and their history with the reason of every refused attempt; a teacher's sessions around today.
 */
@Service
class AttendanceOverview {

  /** How many refused attempts a student's history lists. */
  static final int REFUSALS_LISTED = 50;

  /** A session open now, and whether the student has a record in it already. */
  record OpenSession(ClassSessionView session, CourseView course, @Nullable CheckInView record) {}

  /**
   * A student's standing in one course: points earned of the points possible over the sessions that have a record.
   *
   * @param percent 0..100, null while no session has a record
   */
  record CourseStanding(CourseView course, int sessions, int points, int possible, @Nullable Integer percent,
      boolean belowWarning) {}

  /** One line of a student's history. */
  record HistoryRow(ClassSessionView session, CourseView course, CheckInView record) {}

  /** One refused attempt in a student's history. */
  record RefusalRow(@Nullable ClassSessionView session, @Nullable CourseView course, AttemptView attempt) {}

  /** A student's page. */
  record StudentOverview(List<OpenSession> open, List<CourseStanding> standings, List<HistoryRow> history,
      List<RefusalRow> refusals) {}

  /** A session on a teacher's page. */
  record TaughtSession(ClassSessionView session, CourseView course, boolean open, boolean ended) {}

  private final Courses courses;
  private final AttendanceRecords records;
  private final Clock clock;

  AttendanceOverview(Courses courses, AttendanceRecords records, Clock clock) {
    this.courses = courses;
    this.records = records;
    this.clock = clock;
  }

  StudentOverview student(AccountId student) {
    Instant now = clock.instant();
    List<CheckInView> mine = records.checkInsOfStudent(student);
    Map<ClassSessionId, CheckInView> bySession = new HashMap<>();
    mine.forEach(r -> bySession.put(r.session(), r));
    Map<CourseId, CourseView> courseById = new HashMap<>();
    courses.coursesOf(student).forEach(c -> courseById.put(c.id(), c));

    List<OpenSession> open = courses.openSessionsFor(student, now).stream()
        .map(s -> new OpenSession(s, course(courseById, s.course()), bySession.get(s.id()))).toList();

    Map<CourseId, StatusPointsView> points = records.points(courseById.keySet());
    List<CourseStanding> standings = new ArrayList<>();
    for (CourseView course : courseById.values()) {
      List<CheckInView> inCourse = mine.stream().filter(r -> r.course().equals(course.id())).toList();
      StatusPointsView scale = points.get(course.id());
      int earned = inCourse.stream().mapToInt(r -> scale.pointsFor(r.status())).sum();
      int possible = inCourse.size() * scale.maximum();
      Integer percent = possible == 0 ? null : (int) Math.round(100.0 * earned / possible);
      standings.add(new CourseStanding(course, inCourse.size(), earned, possible, percent,
          percent != null && percent < course.warningPercent()));
    }
    standings.sort(Comparator.comparing(s -> s.course().code()));

    Map<ClassSessionId, @Nullable ClassSessionView> sessions = new HashMap<>();
    List<HistoryRow> history = new ArrayList<>();
    for (CheckInView record : mine) {
      ClassSessionView session = session(sessions, record.session());
      if (session != null) {
        history.add(new HistoryRow(session, course(courseById, record.course()), record));
      }
    }
    List<RefusalRow> refusals = records.attemptsOfStudent(student, REFUSALS_LISTED * 2).stream()
        .filter(a -> a.outcome() != AttemptOutcome.ACCEPTED).limit(REFUSALS_LISTED)
        .map(a -> new RefusalRow(session(sessions, a.session()), courseById.get(a.course()), a)).toList();
    return new StudentOverview(open, standings, history, refusals);
  }

  /** The sessions of a teacher's courses from a day ago to a week ahead, open ones first. */
  List<TaughtSession> teacher(AccountId teacher) {
    Instant now = clock.instant();
    Instant from = now.minus(Duration.ofDays(1));
    Instant to = now.plus(Duration.ofDays(7));
    List<TaughtSession> taught = new ArrayList<>();
    for (CourseView course : courses.coursesTaughtBy(teacher)) {
      for (ClassSessionView session : courses.sessions(course.id())) {
        if (session.isOpenAt(now) || (session.endsAt().isAfter(from) && session.startsAt().isBefore(to))) {
          taught.add(new TaughtSession(session, course, session.isOpenAt(now), session.hasEndedAt(now)));
        }
      }
    }
    taught.sort(Comparator.comparing((TaughtSession t) -> !t.open()).thenComparing(t -> t.session().startsAt()));
    return taught;
  }

  private CourseView course(Map<CourseId, CourseView> known, CourseId id) {
    return known.computeIfAbsent(id, courses::get);
  }

  private @Nullable ClassSessionView session(Map<ClassSessionId, @Nullable ClassSessionView> known,
      ClassSessionId id) {
    if (!known.containsKey(id)) {
      try {
        known.put(id, courses.session(id));
      } catch (ClassSessionNotFound gone) {
        known.put(id, null);
      }
    }
    return known.get(id);
  }
}
