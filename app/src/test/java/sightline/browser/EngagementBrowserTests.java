package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.courses.catalogue.CoursesService;
import sightline.engagement.EngagementFixtures;
import sightline.engagement.RecordedFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;

/**
 * An online class in three browsers: two students with fake cameras (one facing the camera, one looking away) and
 * the teacher's live dashboard. The dashboard shows each student's state within seconds; when one student's camera
 * shows an empty room (that student's browser restarted on an empty-scene clip, as Chromium's fake camera plays one
 * file per launch) they turn absent; the report after class has both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementBrowserTests {

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  CoursesService courses;

  @Test
  void theDashboardShowsEachStudentsStateAndAnEmptyRoomTurnsAbsent() throws Exception {
    Browser.assumeInstalled();
    Path facing = RealClipCamera.slowedMahie(temp);
    Path away = mjpeg(temp.resolve("looking-away.mjpeg"), RecordedFrames.lookingAway(), 1);
    Path empty = mjpeg(temp.resolve("empty-room.mjpeg"), List.of(RecordedFrames.emptyScene()), 30);
    var klass = EngagementFixtures.openOnlineClass(directory, courses, 2, "browser");
    AccountView asha = klass.students().get(0);
    AccountView ravi = klass.students().get(1);
    String base = "http://localhost:" + port;
    String session = klass.session().id().value().toString();

    try (var teacher = Browser.withoutCamera(); var first = Browser.withFakeCamera(facing)) {
      teacher.signIn(base, klass.teacher().email(), EngagementFixtures.PASSWORD, klass.teacher().displayName());
      teacher.driver.get(base + "/engagement");
      teacher.driver.findElement(By.id("dashboard-" + session)).click();
      join(first, base, asha, session);
      try (var second = Browser.withFakeCamera(away)) {
        join(second, base, ravi, session);
        awaitState(teacher, asha, "ATTENTIVE");
        awaitState(teacher, ravi, "LOOKING_AWAY");
        teacher.screenshot("engagement-dashboard");
        assertThat(second.driver.findElement(By.id("engagement-state")).getDomAttribute("data-state"))
            .isNotEmpty();
      }
      try (var again = Browser.withFakeCamera(empty)) {
        join(again, base, ravi, session);
        awaitState(teacher, ravi, "ABSENT");
        awaitState(teacher, asha, "ATTENTIVE");
        assertThat(teacher.driver.findElement(By.cssSelector("#student-" + ravi.id().value() + " .engagement-state"))
            .getText()).isEqualTo("Absent");
        teacher.screenshot("engagement-dashboard-absent");
      }
      first.driver.findElement(By.id("engagement-stop")).click();

      // After class: the timelines are written within the flush interval (5 s).
      teacher.driver.get(base + "/engagement/sessions/" + session + "/report");
      teacher.await(Duration.ofSeconds(30)).until(d -> {
        d.navigate().refresh();
        return !cell(d, asha, "engagement-percent").equals("–")
            && !d.findElements(By.cssSelector("#report-" + ravi.id().value() + " [data-state=ABSENT]")).isEmpty();
      });
      assertThat(teacher.driver.findElements(By.cssSelector("#report-" + ravi.id().value()
          + " [data-state=LOOKING_AWAY]"))).isNotEmpty();
      assertThat(teacher.driver.findElements(By.cssSelector("#report-" + asha.id().value() + " svg rect")))
          .hasSizeGreaterThan(1);
      teacher.screenshot("engagement-report");
    }
  }

  private static String cell(org.openqa.selenium.WebDriver d, AccountView student, String cls) {
    return d.findElement(By.cssSelector("#report-" + student.id().value() + " ." + cls)).getText();
  }

  private static void join(Browser browser, String base, AccountView student, String session) {
    browser.signIn(base, student.email(), EngagementFixtures.PASSWORD, student.displayName());
    browser.driver.get(base + "/engagement");
    browser.driver.findElement(By.id("join-" + session)).click();
    assertThat(browser.driver.findElement(By.id("engagement-notice")).getText()).contains("no picture is stored");
    browser.driver.findElement(By.id("engagement-consent")).click();
    browser.driver.findElement(By.id("engagement-start")).click();
    try {
      browser.await(Duration.ofSeconds(30)).until(d -> !d.findElement(By.id("engagement-state"))
          .getDomAttribute("data-state").isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no state shown to " + student.displayName() + "; the page says: "
          + browser.driver.findElement(By.id("engagement-status")).getText() + " / "
          + browser.driver.findElement(By.id("engagement-state")).getText() + " (socket closed "
          + browser.driver.findElement(By.id("engagement-join")).getDomAttribute("data-close-code") + ", "
          + browser.driver.findElement(By.id("engagement-join")).getDomAttribute("data-error") + ")", e);
    }
  }

  private static void awaitState(Browser teacher, AccountView student, String state) {
    By badge = By.cssSelector("#student-" + student.id().value() + " .engagement-state");
    teacher.await(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
        .until(d -> state.equals(d.findElement(badge).getDomAttribute("data-state")));
  }

  /** Concatenated JPEGs are an MJPEG file, which Chromium's fake camera plays at 30 frames a second and loops. */
  private static Path mjpeg(Path target, List<byte[]> frames, int repeat) throws IOException {
    var out = new ByteArrayOutputStream();
    for (byte[] frame : frames) {
      for (int i = 0; i < repeat; i++) {
        out.write(frame);
      }
    }
    Files.write(target, out.toByteArray());
    return target;
  }
}
