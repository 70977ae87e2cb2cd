package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.attendance.AttendanceFixtures;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.vision.Point;

/**
 * Check-in in real browsers: a student's Chromium with a fake camera playing a real webcam clip of the student and
 * a position set through DevTools, and the teacher's Chromium on the session's roster. The teacher's page shows the
 * check-in without a reload (STOMP); a position outside the classroom is refused before the camera starts; another
 * person's face in front of a student's phone is refused; both refusals appear in the teacher's attempt log. As in
 * {@code FaceSignInBrowserTests}, the clip only blinks, so liveness asks for the blink alone here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sightline.biometrics.liveness.fixed-challenges=BLINK",
    "sightline.biometrics.liveness.challenge-timeout=60s",
    "sightline.biometrics.liveness.max-failures=1000"})
class CheckInBrowserTests {

  @TempDir
  static Path temp;

  @LocalServerPort int port;
  @Autowired AccountDirectory directory;
  @Autowired CoursesService courses;
  @Autowired FaceEnrolment enrolment;
  @Autowired FaceEngine faces;

  private final List<AccountId> enrolled = new ArrayList<>();

  @AfterEach
  void deleteFaces() {
    enrolled.forEach(enrolment::delete);
  }

  @Test
  void aStudentChecksInWithFaceAndPlaceTheRosterShowsItLiveAndRefusalsAreLogged() throws Exception {
    Browser.assumeInstalled();
    Path video = RealClipCamera.slowedMahie(temp);
    var fixtures = new AttendanceFixtures(directory, courses);
    AccountView admin = fixtures.account(Role.ADMIN, "Admin");
    AccountView teacher = fixtures.account(Role.TEACHER, "Tara Teacher");
    AccountView mahie = fixtures.account(Role.STUDENT, "Mahie Student");
    AccountView away = fixtures.account(Role.STUDENT, "Mahie Away");
    AccountView other = fixtures.account(Role.STUDENT, "Other Student");
    CourseView course = fixtures.course(teacher);
    for (AccountView student : List.of(mahie, away, other)) {
      fixtures.enrol(course, student, teacher);
    }
    ClassSessionView session = fixtures.openSession(course, teacher, AttendanceFixtures.CLASSROOM);
    // Mahie's face for her account; someone else's for a third, whose phone will film Mahie. The second account is
    // refused for its place before any camera, so it needs no face.
    enrol(mahie, List.of(RealClipCamera.firstFrame()), admin);
    var someoneElse = SyntheticLivenessFrames.of(faces, "sample5", new Point(1196, 317));
    enrol(other, List.of(SyntheticLivenessFrames.jpeg(someoneElse.neutral()),
        SyntheticLivenessFrames.jpeg(someoneElse.zoomed(3.0))), admin);
    String base = "http://localhost:" + port;
    String roster = base + "/attendance/sessions/" + session.id();
    double[] inside = AttendanceFixtures.north(AttendanceFixtures.CLASSROOM, 30);
    double[] outside = AttendanceFixtures.north(AttendanceFixtures.CLASSROOM, 250);

    try (var teacherBrowser = Browser.withoutCamera(); var studentBrowser = Browser.withFakeCamera(video)) {
      teacherBrowser.signIn(base, teacher.email(), AttendanceFixtures.PASSWORD, teacher.displayName());
      teacherBrowser.driver.get(roster);
      teacherBrowser.await(Duration.ofSeconds(20)).until(d -> "connected".equals(
          d.findElement(By.tagName("body")).getDomAttribute("data-roster-live")));
      teacherBrowser.driver.executeScript("window.notReloaded = true;");
      assertThat(status(teacherBrowser, mahie)).isEqualTo("UNMARKED");

      checkIn(studentBrowser, base, session, mahie, inside);
      assertThat(studentBrowser.driver.findElement(By.tagName("body")).getDomAttribute("data-check-in-state"))
          .as(studentBrowser.driver.findElement(By.id("checkin-result")).getText()).isEqualTo("checked-in");
      assertThat(studentBrowser.driver.findElement(By.id("checkin-result")).getText()).contains("Present");
      studentBrowser.screenshot("check-in-student");

      teacherBrowser.await(Duration.ofSeconds(20)).until(d -> status(teacherBrowser, mahie).equals("PRESENT"));
      assertThat(teacherBrowser.driver.executeScript("return window.notReloaded === true")).isEqualTo(true);
      teacherBrowser.screenshot("check-in-roster");

      checkIn(studentBrowser, base, session, away, outside);
      assertThat(studentBrowser.driver.findElement(By.tagName("body")).getDomAttribute("data-check-in-outcome"))
          .isEqualTo("OUTSIDE_PLACE");
      assertThat(studentBrowser.driver.findElement(By.id("checkin-result")).getText())
          .contains("outside the classroom").contains("250 m");

      checkIn(studentBrowser, base, session, other, inside);
      assertThat(studentBrowser.driver.findElement(By.tagName("body")).getDomAttribute("data-check-in-outcome"))
          .as(studentBrowser.driver.findElement(By.id("checkin-result")).getText()).isEqualTo("FACE_NOT_MATCHED");

      teacherBrowser.await(Duration.ofSeconds(20)).until(d -> outcomes(teacherBrowser).containsAll(
          List.of("OUTSIDE_PLACE", "FACE_NOT_MATCHED", "ACCEPTED")));
      assertThat(teacherBrowser.driver.executeScript("return window.notReloaded === true")).isEqualTo(true);
      assertThat(status(teacherBrowser, away)).isEqualTo("UNMARKED");
      assertThat(status(teacherBrowser, other)).isEqualTo("UNMARKED");
      assertThat(teacherBrowser.driver.findElement(By.id("attempt-log")).getText())
          .contains("Outside the classroom").contains("Face did not match");
      teacherBrowser.screenshot("check-in-attempt-log");

      // The student's own page lists the refusal with its reason.
      studentBrowser.driver.get(base + "/attendance");
      assertThat(studentBrowser.driver.findElement(By.id("refusals")).getText()).contains("Face did not match");
    }
  }

  /** Signs {@code student} in, puts the browser at {@code position} and runs the check-in page to its end. */
  private static void checkIn(Browser browser, String base, ClassSessionView session, AccountView student,
      double[] position) {
    var driver = browser.driver;
    driver.manage().deleteAllCookies();
    browser.signIn(base, student.email(), AttendanceFixtures.PASSWORD, student.displayName());
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions",
        List.of("geolocation")));
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", position[0], "longitude",
        position[1], "accuracy", 15));
    driver.get(base + "/attendance/sessions/" + session.id() + "/check-in");
    driver.findElement(By.id("checkin-start")).click();
    browser.await(Duration.ofSeconds(150)).until(d -> List.of("checked-in", "refused", "error").contains(
        d.findElement(By.tagName("body")).getDomAttribute("data-check-in-state")));
  }

  private static String status(Browser browser, AccountView student) {
    return browser.driver.findElement(By.cssSelector("#roster-table tr[data-student='" + student.id() + "']"))
        .getDomAttribute("data-status");
  }

  private static List<String> outcomes(Browser browser) {
    return browser.driver.findElements(By.cssSelector("#attempt-log li[data-outcome]")).stream()
        .map(e -> e.getDomAttribute("data-outcome")).toList();
  }

  private void enrol(AccountView person, List<byte[]> photos, AccountView admin) {
    assertThat(enrolment.enrolPhotos(person.id(), photos, FaceEnrolment.CONSENT_VERSION, admin.id()).stored())
        .isPositive();
    enrolled.add(person.id());
  }
}
