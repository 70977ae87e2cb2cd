package sightline.courses.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.Place;

/**
 * One meeting of a course: when and where it meets, and the teacher's early opening or early closing of its
 * check-in window. Sessions of a weekly series share a series id and are otherwise independent.
 */
@Entity
@Table(schema = "courses", name = "class_session")
public class ClassSession {

  /** A session longer than this is a typing mistake (a whole school day is about eight hours). */
  public static final Duration MAX_LENGTH = Duration.ofHours(12);
  /** A weekly series covers at most a year of weeks. */
  public static final int MAX_SERIES = 53;

  @Id
  private UUID id;
  private UUID courseId;
  private @Nullable UUID seriesId;
  private String title;
  private String room;
  private Instant startsAt;
  private Instant endsAt;
  private @Nullable Double latitude;
  private @Nullable Double longitude;
  private @Nullable Integer radiusMetres;
  private @Nullable Instant openedAt;
  private @Nullable Instant closedAt;

  @Version
  private long version;

  protected ClassSession() {
    // for JPA
  }

  /** @throws SessionRejected when the plan breaks a rule */
  public ClassSession(ClassSessionId id, CourseId course, @Nullable UUID seriesId, SessionPlan plan) {
    check(plan);
    this.id = id.value();
    this.courseId = course.value();
    this.seriesId = seriesId;
    this.title = plan.title();
    this.room = plan.room();
    this.startsAt = plan.startsAt();
    this.endsAt = plan.endsAt();
    Place place = plan.place();
    if (place != null) {
      this.latitude = place.latitude();
      this.longitude = place.longitude();
      this.radiusMetres = place.radiusMetres();
    }
  }

  /**
   * The sessions of a plan: only itself without {@code until}; otherwise the same local time every week in
   * {@code zone} (so a series keeps meeting at 09:00 across a daylight-saving change) on every date up to and
   * including {@code until}.
   *
   * @throws SessionRejected when the plan breaks a rule, {@code until} is before its start date, or the series would
   *                         have more than {@value #MAX_SERIES} sessions
   */
  public static List<ClassSession> series(CourseId course, SessionPlan plan, @Nullable LocalDate until, ZoneId zone) {
    check(plan);
    if (until == null) {
      return List.of(new ClassSession(ClassSessionId.random(), course, null, plan));
    }
    ZonedDateTime start = plan.startsAt().atZone(zone);
    Duration length = Duration.between(plan.startsAt(), plan.endsAt());
    if (until.isBefore(start.toLocalDate())) {
      throw new SessionRejected("until");
    }
    UUID series = UUID.randomUUID();
    var sessions = new ArrayList<ClassSession>();
    for (int week = 0; !start.plusWeeks(week).toLocalDate().isAfter(until); week++) {
      if (week == MAX_SERIES) {
        throw new SessionRejected("until");
      }
      Instant startsAt = start.plusWeeks(week).toInstant();
      sessions.add(new ClassSession(ClassSessionId.random(), course, series,
          new SessionPlan(plan.title(), plan.room(), startsAt, startsAt.plus(length), plan.place())));
    }
    return sessions;
  }

  public ClassSessionId id() {
    return new ClassSessionId(id);
  }

  public CourseId course() {
    return new CourseId(courseId);
  }

  /**
   * Opens check-in before the start. Returns false when nothing changed (it is open already).
   *
   * @throws SessionAlreadyEnded when the session has ended: a closed session stays closed
   */
  public boolean openEarly(Instant now) {
    ClassSessionView view = view();
    if (view.hasEndedAt(now)) {
      throw new SessionAlreadyEnded(id(), view.closesAt());
    }
    if (view.isOpenAt(now)) {
      return false;
    }
    openedAt = now;
    return true;
  }

  /**
   * Stops check-in now, before the end (a session closed before its start is cancelled). Returns false when it had
   * ended already.
   */
  public boolean close(Instant now) {
    if (view().hasEndedAt(now)) {
      return false;
    }
    closedAt = now;
    return true;
  }

  public ClassSessionView view() {
    Place place = latitude == null || longitude == null || radiusMetres == null ? null
        : new Place(latitude, longitude, radiusMetres);
    return new ClassSessionView(id(), course(), title, room, startsAt, endsAt, place, openedAt, closedAt);
  }

  private static void check(SessionPlan plan) {
    if (plan.title().isEmpty() || plan.title().length() > 200) {
      throw new SessionRejected("title");
    }
    if (plan.room().length() > 100) {
      throw new SessionRejected("room");
    }
    if (!plan.endsAt().isAfter(plan.startsAt())
        || Duration.between(plan.startsAt(), plan.endsAt()).compareTo(MAX_LENGTH) > 0) {
      throw new SessionRejected("endsAt");
    }
  }
}
