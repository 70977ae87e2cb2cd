package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.AttemptView;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInView;
import sightline.biometrics.FaceEnrolment;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Place;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * The classroom kiosk in a real browser, signed in as the course's teacher: a fake camera playing an enrolled
 * student's real webcam clip is identified among the course's roster and checked in (method KIOSK); the same live
 * face at the kiosk of a course whose roster holds only another enrolled student is refused as not recognised (the
 * search is the roster's, never everyone's, and never falls back to the nearest student); each turn is in its
 * session's attempt log. The clip only blinks, so sessions ask for the blink alone, as in
 * {@link FaceSignInBrowserTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sightline.biometrics.liveness.fixed-challenges=BLINK",
    "sightline.biometrics.liveness.challenge-timeout=60s",
    "sightline.biometrics.liveness.max-failures=1000"})
class KioskBrowserTests {

  private static final String PASSWORD = "a long kiosk teacher password";

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEnrolment enrolment;

  @Autowired
  CoursesService courses;

  @Autowired
  AttendanceRecords records;

  @Test
  void identifiesAnEnrolledStudentOfTheRosterAndRefusesAFaceThatIsNotOnIt() throws Exception {
    Browser.assumeInstalled();
    Path mahieClip = RealClipCamera.slowedMahie(temp);
    AccountView admin = account("Kiosk Admin", Role.ADMIN);
    AccountView teacher = account("Kiosk Teacher", Role.TEACHER);
    AccountView mahie = account("Mahie Student", Role.STUDENT);
    AccountView soniya = account("Soniya Student", Role.STUDENT);
    try {
      assertThat(enrolment.enrolPhotos(mahie.id(), List.of(RealClipCamera.firstFrame()),
          FaceEnrolment.CONSENT_VERSION, admin.id()).stored()).isEqualTo(1);
      var soniyaEnrolled = enrolment.enrolPhotos(soniya.id(), RealClipCamera.soniyaFrames(temp),
          FaceEnrolment.CONSENT_VERSION, admin.id());
      assertThat(soniyaEnrolled.stored()).as("enrolment hints %s", soniyaEnrolled.hints()).isPositive();
      // Mahie is on biology's roster, Soniya on chemistry's: both are enrolled faces, each on one roster only.
      ClassSessionView biology = sessionOf(teacher, "Kiosk biology", mahie);
      ClassSessionView chemistry = sessionOf(teacher, "Kiosk chemistry", soniya);

      String welcome = turn(mahieClip, teacher, biology, "kiosk-identified");
      assertThat(welcome).as("the kiosk greets the student").contains("Welcome, Mahie Student");
      CheckInView checkIn = records.checkInOf(biology.id(), mahie.id()).orElseThrow();
      assertThat(checkIn.method()).isEqualTo(CheckInMethod.KIOSK);
      assertThat(checkIn.status()).isEqualTo(AttendanceStatus.PRESENT);
      assertThat(records.attemptsOfSession(biology.id())).singleElement().satisfies(attempt -> {
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.ACCEPTED);
        assertThat(attempt.method()).isEqualTo(CheckInMethod.KIOSK);
        assertThat(attempt.student()).isEqualTo(mahie.id());
      });

      // The same live face at chemistry's kiosk: enrolled, but not on that roster, so nobody there.
      String refusal = turn(mahieClip, teacher, chemistry, "kiosk-not-on-roster");
      assertThat(refusal).contains("Not recognised");
      assertThat(records.checkInsOfSession(chemistry.id())).isEmpty();
      assertThat(records.attemptsOfSession(chemistry.id())).singleElement().satisfies(attempt -> {
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.UNKNOWN_FACE);
        assertThat(attempt.method()).isEqualTo(CheckInMethod.KIOSK);
        assertThat(attempt.student()).as("a refused face is nobody's").isNull();
      });
    } finally {
      enrolment.delete(mahie.id());
      enrolment.delete(soniya.id());
    }
  }

  /** A course of {@code teacher} with {@code student} on its roster, and a session open now. */
  private ClassSessionView sessionOf(AccountView teacher, String title, AccountView student) {
    String code = "K" + UUID.randomUUID().toString().substring(0, 8);
    CourseView course = courses.create(new CourseSettings(code, title, "", 10, 0), teacher.id());
    courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
    Instant now = Instant.now();
    return courses.schedule(course.id(), new SessionPlan("Week 1", "B 204", now.minus(Duration.ofMinutes(2)),
        now.plus(Duration.ofHours(2)), new Place(12.9716, 77.5946, 100)), null, ZoneOffset.UTC, teacher.id())
        .getFirst();
  }

  /** One turn at the kiosk with {@code clip} as the camera; answers the kiosk's message. */
  private String turn(Path clip, AccountView teacher, ClassSessionView session, String screenshot) throws Exception {
    try (var browser = Browser.withFakeCamera(clip)) {
      var driver = browser.driver;
      browser.signIn("http://localhost:" + port, teacher.email(), PASSWORD, teacher.displayName());
      driver.get("http://localhost:" + port + "/attendance/sessions/" + session.id() + "/kiosk");
      browser.await(Duration.ofSeconds(10)).until(d -> "ready".equals(
          d.findElement(By.tagName("body")).getDomAttribute("data-kiosk-state")));
      driver.findElement(By.id("kiosk-start")).click();
      browser.await(Duration.ofSeconds(120)).until(d -> List.of("accepted", "refused", "error").contains(
          d.findElement(By.tagName("body")).getDomAttribute("data-kiosk-state")));
      String message = driver.findElement(By.id("kiosk-message")).getText();
      browser.screenshot(screenshot);
      assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-kiosk-state"))
          .as(message).isNotEqualTo("error");
      return message;
    }
  }

  private AccountView account(String name, Role role) {
    return directory.create(new NewAccount("kiosk-" + UUID.randomUUID() + "@example.org", name, EnumSet.of(role),
        null, PASSWORD));
  }
}
