package sightline.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.JoinCodeUnknown;
import sightline.courses.catalogue.NoStudentAccount;
import sightline.courses.catalogue.NotCourseOwner;
import sightline.courses.catalogue.SessionPlan;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * The courses module booted with identity (and the shared system): driven through {@link CoursesService} as the pages
 * and the API drive it, and read through {@link Courses} as attendance and engagement read it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CoursesModuleTests {

  private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  @Autowired
  CoursesService service;

  @Autowired
  Courses courses;

  @Autowired
  AccountDirectory directory;

  @Test
  void deletingACourseIsAnnouncedAndTakesItsSessionsAndRosterWithIt(Scenario scenario) {
    AccountId teacher = account(Role.TEACHER).id();
    AccountView student = account(Role.STUDENT);
    CourseView course = service.create(CourseSettings.of("BIO-" + suffix(), "Biology", "A"), teacher);
    service.enrolByEmail(course.id(), student.email(), EnrolmentSource.TEACHER, teacher);
    ClassSessionView session = service.schedule(course.id(), plan(Instant.now().plus(Duration.ofDays(1)), null),
        null, ZONE, teacher).getFirst();

    scenario.stimulate(() -> service.delete(course.id(), teacher))
        .andWaitForEventOfType(CourseDeleted.class)
        .matching(event -> event.course().equals(course.id()))
        .toArriveAndVerify(event -> {
          assertThat(event.by()).isEqualTo(teacher);
          assertThat(courses.find(course.id())).isEmpty();
          assertThat(courses.coursesOf(student.id())).isEmpty();
          assertThatThrownBy(() -> courses.session(session.id())).isInstanceOf(ClassSessionNotFound.class);
        });
  }

  @Test
  void deletingASessionIsAnnounced(Scenario scenario) {
    AccountId teacher = account(Role.TEACHER).id();
    CourseView course = service.create(CourseSettings.of("CHEM-" + suffix(), "Chemistry", ""), teacher);
    ClassSessionView session = service.schedule(course.id(), plan(Instant.now(), null), null, ZONE, teacher)
        .getFirst();

    scenario.stimulate(() -> service.deleteSession(session.id(), teacher))
        .andWaitForEventOfType(ClassSessionDeleted.class)
        .matching(event -> event.session().equals(session.id()))
        .toArriveAndVerify(event -> assertThat(courses.sessions(course.id())).isEmpty());
  }

  @Test
  void studentsEnrolByEmailOrJoinCodeAndOtherModulesSeeTheRoster(Scenario scenario) {
    AccountId teacher = account(Role.TEACHER).id();
    AccountView ana = account(Role.STUDENT);
    AccountView ben = account(Role.STUDENT);
    CourseView course = service.create(CourseSettings.of("MATH-" + suffix(), "Mathematics", ""), teacher);

    scenario.stimulate(() -> service.enrolByEmail(course.id(), " " + ana.email().toUpperCase() + " ",
            EnrolmentSource.TEACHER, teacher))
        .andWaitForEventOfType(EnrolmentChanged.class)
        .matching(event -> event.student().equals(ana.id()))
        .toArriveAndVerify(event -> assertThat(event.enrolled()).isTrue());
    String typed = course.joinCode().substring(0, 4).toLowerCase() + "-" + course.joinCode().substring(4);
    assertThat(service.join(typed, ben.id()).id()).isEqualTo(course.id());

    assertThat(courses.enrolledStudents(course.id())).containsExactlyInAnyOrder(ana.id(), ben.id());
    assertThat(courses.isEnrolled(course.id(), ana.id())).isTrue();
    assertThat(courses.coursesOf(ben.id())).extracting(CourseView::id).containsExactly(course.id());
    assertThat(service.roster(course.id(), teacher)).hasSize(2);
    assertThatThrownBy(() -> service.join("ZZZZZZZZ", ben.id())).isInstanceOf(JoinCodeUnknown.class);
    assertThatThrownBy(() -> service.enrolByEmail(course.id(), "nobody-" + suffix() + "@example.org",
        EnrolmentSource.TEACHER, teacher)).isInstanceOf(NoStudentAccount.class);

    assertThat(service.unenrol(course.id(), ana.id(), teacher)).isTrue();
    assertThat(courses.enrolledStudents(course.id())).containsExactly(ben.id());
  }

  @Test
  void coTeachersManageButOnlyTheOwnerDeletesAndOthersMayNot() {
    AccountId owner = account(Role.TEACHER).id();
    AccountView colleague = account(Role.TEACHER);
    AccountId stranger = account(Role.TEACHER).id();
    AccountId admin = account(Role.ADMIN).id();
    CourseView course = service.create(CourseSettings.of("PHY-" + suffix(), "Physics", ""), owner);

    CourseView shared = service.addCoTeacher(course.id(), colleague.email(), owner);
    assertThat(shared.coTeachers()).containsExactly(colleague.id());
    assertThat(courses.coursesTaughtBy(colleague.id())).extracting(CourseView::id).containsExactly(course.id());
    service.schedule(course.id(), plan(Instant.now(), null), null, ZONE, colleague.id());

    assertThatThrownBy(() -> service.delete(course.id(), colleague.id())).isInstanceOf(NotCourseOwner.class);
    assertThatThrownBy(() -> service.schedule(course.id(), plan(Instant.now(), null), null, ZONE, stranger))
        .isInstanceOf(NotCourseTeacher.class);
    assertThatThrownBy(() -> service.visibleTo(course.id(), stranger)).isInstanceOf(CourseNotFound.class);
    assertThat(service.visibleTo(course.id(), admin).id()).isEqualTo(course.id());
    service.delete(course.id(), admin);
    assertThat(courses.find(course.id())).isEmpty();
  }

  @Test
  void aWeeklySeriesIsPlannedAndSessionsOpenEarlyAndCloseWithEvents(Scenario scenario) {
    AccountId teacher = account(Role.TEACHER).id();
    AccountView student = account(Role.STUDENT);
    CourseView course = service.create(CourseSettings.of("GEO-" + suffix(), "Geography", ""), teacher);
    service.enrol(course.id(), student.id(), EnrolmentSource.API, teacher);
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(1));
    Place place = new Place(28.6139, 77.2090, 100);
    List<ClassSessionView> series = service.schedule(course.id(), plan(start, place),
        start.atZone(ZONE).toLocalDate().plusWeeks(3), ZONE, teacher);
    assertThat(series).hasSize(4).allSatisfy(s -> assertThat(s.place()).isEqualTo(place));
    assertThat(courses.sessions(course.id())).extracting(ClassSessionView::startsAt)
        .containsExactly(start, start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(14)),
            start.plus(Duration.ofDays(21)));
    ClassSessionView first = series.getFirst();
    assertThat(courses.openSessionsFor(student.id(), Instant.now())).isEmpty();

    scenario.stimulate(() -> courses.openEarly(first.id(), teacher))
        .andWaitForEventOfType(ClassSessionOpened.class)
        .matching(event -> event.session().equals(first.id()))
        .toArriveAndVerify(event -> assertThat(courses.openSessionsFor(student.id(), Instant.now()))
            .extracting(ClassSessionView::id).containsExactly(first.id()));

    scenario.stimulate(() -> courses.close(first.id(), teacher))
        .andWaitForEventOfType(ClassSessionClosed.class)
        .matching(event -> event.session().equals(first.id()))
        .toArriveAndVerify(event -> {
          assertThat(courses.openSessionsFor(student.id(), Instant.now())).isEmpty();
          assertThat(courses.sessionsEndedBetween(event.at(), event.at().plusSeconds(1)))
              .extracting(ClassSessionView::id).contains(first.id());
        });
  }

  private static SessionPlan plan(Instant start, Place place) {
    return new SessionPlan("Lecture", "B 204", start, start.plus(Duration.ofMinutes(90)), place);
  }

  private AccountView account(Role role) {
    return directory.create(new NewAccount("courses-" + suffix() + "@example.org", "Person " + suffix(),
        Set.of(role), null, null));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
