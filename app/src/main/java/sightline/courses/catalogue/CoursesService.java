package sightline.courses.catalogue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.courses.ClassSessionClosed;
import sightline.courses.ClassSessionDeleted;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.ClassSessionOpened;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseDeleted;
import sightline.courses.CourseId;
import sightline.courses.CourseNotFound;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.courses.EnrolmentChanged;
import sightline.courses.NotCourseTeacher;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;

/**
 * {@link Courses} for other modules, and every change to courses, rosters and sessions for this module's pages and
 * API. Each change checks who makes it ({@code by}): the owner, a co-teacher or an administrator manage a course;
 * only the owner or an administrator delete it or change its co-teachers. Each public method is one transaction.
 */
@Service
public class CoursesService implements Courses {

  private final CourseRepository courses;
  private final ClassSessionRepository sessions;
  private final EnrolmentRepository enrolments;
  private final AccountDirectory accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final RandomGenerator random = new SecureRandom();

  CoursesService(CourseRepository courses, ClassSessionRepository sessions, EnrolmentRepository enrolments,
      AccountDirectory accounts, ApplicationEventPublisher events, Clock clock) {
    this.courses = courses;
    this.sessions = sessions;
    this.enrolments = enrolments;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  // ---- Courses: what other modules read ----

  @Override
  @Transactional(readOnly = true)
  public Optional<CourseView> find(CourseId course) {
    return courses.findById(course.value()).map(Course::view);
  }

  @Override
  @Transactional(readOnly = true)
  public CourseView get(CourseId course) {
    return load(course).view();
  }

  @Override
  @Transactional(readOnly = true)
  public ClassSessionView session(ClassSessionId session) {
    return loadSession(session).view();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isEnrolled(CourseId course, AccountId student) {
    return enrolments.existsByCourseIdAndStudentId(course.value(), student.value());
  }

  @Override
  @Transactional(readOnly = true)
  public Set<AccountId> enrolledStudents(CourseId course) {
    var students = new HashSet<AccountId>();
    enrolments.studentsOf(course.value()).forEach(id -> students.add(new AccountId(id)));
    return Set.copyOf(students);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CourseView> coursesOf(AccountId student) {
    return courses.attendedBy(student.value()).stream().map(Course::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<CourseView> coursesTaughtBy(AccountId teacher) {
    return courses.taughtBy(teacher.value()).stream().map(Course::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ClassSessionView> sessions(CourseId course) {
    return sessions.findByCourseIdOrderByStartsAtAscIdAsc(course.value()).stream().map(ClassSession::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ClassSessionView> openSessionsFor(AccountId student, Instant now) {
    return sessions.openFor(student.value(), now).stream().map(ClassSession::view)
        .filter(session -> session.isOpenAt(now)).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ClassSessionView> sessionsEndedBetween(Instant from, Instant to) {
    return sessions.endedBetween(from, to).stream().map(ClassSession::view).toList();
  }

  @Override
  @Transactional
  public ClassSessionView openEarly(ClassSessionId session, AccountId by) {
    ClassSession found = loadSession(session);
    managed(found.course(), by);
    Instant now = now();
    if (found.openEarly(now)) {
      events.publishEvent(new ClassSessionOpened(session, found.course(), by, now));
    }
    return found.view();
  }

  @Override
  @Transactional
  public ClassSessionView close(ClassSessionId session, AccountId by) {
    ClassSession found = loadSession(session);
    managed(found.course(), by);
    Instant now = now();
    if (found.close(now)) {
      events.publishEvent(new ClassSessionClosed(session, found.course(), by, now));
    }
    return found.view();
  }

  // ---- Who sees what ----

  /** Whether {@code account} may manage the course: it teaches it or is an administrator. */
  @Transactional(readOnly = true)
  public boolean manages(CourseView course, AccountId account) {
    return course.taughtBy(account) || isAdmin(account);
  }

  /**
   * The course, if {@code viewer} teaches it, is enrolled in it or is an administrator.
   *
   * @throws CourseNotFound otherwise, as when there is no such course
   */
  @Transactional(readOnly = true)
  public CourseView visibleTo(CourseId course, AccountId viewer) {
    CourseView view = get(course);
    if (!view.taughtBy(viewer) && !isEnrolled(course, viewer) && !isAdmin(viewer)) {
      throw new CourseNotFound(course);
    }
    return view;
  }

  /**
   * The session, if {@code viewer} may see its course.
   *
   * @throws ClassSessionNotFound otherwise, as when there is no such session
   */
  @Transactional(readOnly = true)
  public ClassSessionView sessionVisibleTo(ClassSessionId session, AccountId viewer) {
    ClassSessionView view = session(session);
    try {
      visibleTo(view.course(), viewer);
    } catch (CourseNotFound hidden) {
      throw new ClassSessionNotFound(session);
    }
    return view;
  }

  /** Every course, for administrators, by code. */
  @Transactional(readOnly = true)
  public List<CourseView> everyCourse() {
    return courses.everyCourse().stream().map(Course::view).toList();
  }

  // ---- Courses and co-teachers ----

  /**
   * A new course owned by {@code teacher}, with a fresh join code.
   *
   * @throws CourseRejected      when a setting breaks a rule
   * @throws CourseAlreadyExists when the teacher has a course with this code and section
   */
  @Transactional
  public CourseView create(CourseSettings settings, AccountId teacher) {
    CourseId id = CourseId.random();
    var course = new Course(id, settings, teacher, unusedJoinCode(), now());
    if (courses.existsOther(settings.code(), settings.section(), teacher.value(), id.value())) {
      throw new CourseAlreadyExists(settings.code(), settings.section());
    }
    return courses.save(course).view();
  }

  /** @throws CourseRejected, CourseAlreadyExists, NotCourseTeacher, CourseNotFound */
  @Transactional
  public CourseView change(CourseId course, CourseSettings settings, AccountId by) {
    Course found = managed(course, by);
    found.change(settings);
    if (courses.existsOther(settings.code(), settings.section(), found.teacher().value(), course.value())) {
      throw new CourseAlreadyExists(settings.code(), settings.section());
    }
    return found.view();
  }

  /** Gives the course a new join code; the old one stops working. */
  @Transactional
  public CourseView replaceJoinCode(CourseId course, AccountId by) {
    Course found = managed(course, by);
    found.replaceJoinCode(unusedJoinCode());
    return found.view();
  }

  /**
   * Deletes the course with its sessions, enrolments and everything other modules keep per session; announced as
   * {@link CourseDeleted}.
   *
   * @throws NotCourseOwner unless {@code by} owns the course or is an administrator
   */
  @Transactional
  public void delete(CourseId course, AccountId by) {
    Course found = load(course);
    if (!found.mayBeDeletedBy(by, isAdmin(by))) {
      throw found.mayBeManagedBy(by, false) ? new NotCourseOwner() : new NotCourseTeacher(course);
    }
    courses.deleteCascading(course.value());
    events.publishEvent(new CourseDeleted(course, by, now()));
  }

  /**
   * Adds the teacher with this e-mail address as a co-teacher.
   *
   * @throws NoTeacherAccount when no teacher has the address
   * @throws NotCourseOwner   unless {@code by} owns the course or is an administrator
   */
  @Transactional
  public CourseView addCoTeacher(CourseId course, String email, AccountId by) {
    Course found = owned(course, by);
    AccountView teacher = accounts.findByEmail(email).filter(account -> account.roles().contains(Role.TEACHER))
        .orElseThrow(() -> new NoTeacherAccount(email.strip()));
    found.addCoTeacher(teacher.id());
    return found.view();
  }

  @Transactional
  public CourseView removeCoTeacher(CourseId course, AccountId teacher, AccountId by) {
    Course found = owned(course, by);
    found.removeCoTeacher(teacher);
    return found.view();
  }

  /** The co-teachers' accounts, by name. */
  @Transactional(readOnly = true)
  public List<AccountView> coTeachers(CourseView course) {
    return course.coTeachers().stream().map(accounts::find).flatMap(Optional::stream)
        .sorted(Comparator.comparing(AccountView::displayName)).toList();
  }

  // ---- Rosters ----

  /**
   * Enrols a student. The caller has established that the account is a student's ({@link #enrolByEmail} does).
   * Returns false when the student was enrolled already; announced as {@link EnrolmentChanged} otherwise.
   */
  @Transactional
  public boolean enrol(CourseId course, AccountId student, EnrolmentSource source, AccountId by) {
    managed(course, by);
    return enrolNow(course, student, source);
  }

  /**
   * Enrols the student with this e-mail address.
   *
   * @throws NoStudentAccount when no student has the address
   */
  @Transactional
  public AccountView enrolByEmail(CourseId course, String email, EnrolmentSource source, AccountId by) {
    managed(course, by);
    AccountView student = studentWithEmail(email).orElseThrow(() -> new NoStudentAccount(email.strip()));
    enrolNow(course, student.id(), source);
    return student;
  }

  /** Enrols every student of a previewed import in one transaction; returns how many were new to the roster. */
  @Transactional
  public int enrolAll(CourseId course, List<AccountId> students, EnrolmentSource source, AccountId by) {
    managed(course, by);
    int added = 0;
    for (AccountId student : students) {
      if (enrolNow(course, student, source)) {
        added++;
      }
    }
    return added;
  }

  /** Takes a student off the roster; returns false when they were not on it. */
  @Transactional
  public boolean unenrol(CourseId course, AccountId student, AccountId by) {
    managed(course, by);
    if (enrolments.deleteOne(course.value(), student.value()) == 0) {
      return false;
    }
    events.publishEvent(new EnrolmentChanged(course, student, false, now()));
    return true;
  }

  /**
   * Enrols a student in the course with this join code (as typed: case, spaces and dashes do not matter).
   *
   * @throws JoinCodeUnknown when no course has it
   */
  @Transactional
  public CourseView join(String joinCode, AccountId student) {
    Course course = courses.findByJoinCode(Course.normaliseJoinCode(joinCode))
        .orElseThrow(() -> new JoinCodeUnknown(joinCode.strip()));
    enrolNow(course.id(), student, EnrolmentSource.JOIN_CODE);
    return course.view();
  }

  /** The course's roster, by name. */
  @Transactional(readOnly = true)
  public List<RosterEntry> roster(CourseId course, AccountId by) {
    managed(course, by);
    return enrolments.findByCourseIdOrderByEnrolledAtAscStudentIdAsc(course.value()).stream()
        .map(e -> accounts.find(e.student()).map(a -> new RosterEntry(a.id(), a.displayName(), a.email(),
            e.enrolledAt(), e.source())))
        .flatMap(Optional::stream).sorted(Comparator.comparing(RosterEntry::displayName)).toList();
  }

  /** The student account with this e-mail address, if any (for previews). */
  @Transactional(readOnly = true)
  public Optional<AccountView> studentWithEmail(String email) {
    return accounts.findByEmail(email).filter(account -> account.roles().contains(Role.STUDENT));
  }

  // ---- Sessions ----

  /**
   * Plans a session, or a weekly series of them until {@code until} (inclusive; local dates and times in
   * {@code zone}).
   *
   * @throws SessionRejected when the plan breaks a rule
   */
  @Transactional
  public List<ClassSessionView> schedule(CourseId course, SessionPlan plan, @Nullable LocalDate until, ZoneId zone,
      AccountId by) {
    managed(course, by);
    return sessions.saveAll(ClassSession.series(course, plan, until, zone)).stream().map(ClassSession::view)
        .toList();
  }

  /**
   * Deletes a session with everything other modules keep for it; announced as {@link ClassSessionDeleted}.
   */
  @Transactional
  public void deleteSession(ClassSessionId session, AccountId by) {
    ClassSession found = loadSession(session);
    managed(found.course(), by);
    sessions.deleteCascading(session.value());
    events.publishEvent(new ClassSessionDeleted(session, found.course(), by, now()));
  }

  private boolean enrolNow(CourseId course, AccountId student, EnrolmentSource source) {
    if (enrolments.existsByCourseIdAndStudentId(course.value(), student.value())) {
      return false;
    }
    Instant now = now();
    enrolments.save(new Enrolment(course, student, source, now));
    events.publishEvent(new EnrolmentChanged(course, student, true, now));
    return true;
  }

  private Course load(CourseId course) {
    return courses.findById(course.value()).orElseThrow(() -> new CourseNotFound(course));
  }

  private ClassSession loadSession(ClassSessionId session) {
    return sessions.findById(session.value()).orElseThrow(() -> new ClassSessionNotFound(session));
  }

  private Course managed(CourseId course, AccountId by) {
    Course found = load(course);
    if (!found.mayBeManagedBy(by, isAdmin(by))) {
      throw new NotCourseTeacher(course);
    }
    return found;
  }

  private Course owned(CourseId course, AccountId by) {
    Course found = managed(course, by);
    if (!found.mayBeDeletedBy(by, isAdmin(by))) {
      throw new NotCourseOwner();
    }
    return found;
  }

  private boolean isAdmin(AccountId account) {
    return accounts.find(account).map(view -> view.roles().contains(Role.ADMIN)).orElse(false);
  }

  private String unusedJoinCode() {
    String code;
    do {
      code = Course.newJoinCode(random);
    } while (courses.existsByJoinCode(code));
    return code;
  }

  /** Microseconds, as both databases keep them, so that what a method returns equals what is read back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
