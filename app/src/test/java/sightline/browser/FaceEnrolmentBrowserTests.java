package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.FaceFixtures;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * A person enrols their face on {@code /account/face} in a real browser whose fake camera plays a fixture face moving
 * between poses; "check my face" then passes. The same account checked by a camera showing someone else fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaceEnrolmentBrowserTests {

  @TempDir
  static Path temp;

  static Path anaVideo;
  static Path beaVideo;
  static Path stillPhotoVideo;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEnrolment enrolment;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeAll
  static void writeFakeCameraVideos() throws IOException {
    Browser.assumeInstalled();
    anaVideo = video(FaceFixtures.ANA, "ana");
    beaVideo = video(FaceFixtures.BEA, "bea");
    stillPhotoVideo = temp.resolve("still.y4m");
    FakeCameraVideo.write(FaceFixtures.frame(FaceFixtures.ANA, FaceFixtures.POSES.get(0)), 10, stillPhotoVideo);
  }

  /** A third of a second of each pose, in turn: the camera loops it. */
  private static Path video(FaceFixtures.Person person, String name) throws IOException {
    Path target = temp.resolve(name + ".y4m");
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int i = 0; i < FaceFixtures.POSES.size(); i++) {
        Path part = temp.resolve(name + i + ".y4m");
        FakeCameraVideo.write(FaceFixtures.frame(person, FaceFixtures.POSES.get(i)), 10, part);
        byte[] bytes = Files.readAllBytes(part);
        int body = 0;
        if (i > 0) {
          while (bytes[body] != '\n') {
            body++;
          }
          body++; // every part has the same header; keep only the first one
        }
        out.write(bytes, body, bytes.length - body);
      }
    }
    return target;
  }

  private void signIn(Browser browser, String email) {
    var driver = browser.driver;
    driver.get("http://localhost:" + port + "/sign-in");
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys("a long face browser password");
    driver.findElement(By.cssSelector("#sign-in-form button")).click();
    browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
  }

  @Test
  void aStillPhotoRunsOutOfTimeWithAdviceAndEnrolmentCanBeStopped() throws Exception {
    String email = "face-still-" + UUID.randomUUID() + "@example.org";
    AccountView account = directory.create(new NewAccount(email, "Still Photo", EnumSet.of(Role.STUDENT), null,
        "a long face browser password"));
    try (var browser = Browser.withFakeCamera(stillPhotoVideo)) {
      signIn(browser, email);
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/account/face");
      driver.findElement(By.id("consent-agree")).click();
      driver.findElement(By.id("consent-submit")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-start")));
      assertThat(driver.findElement(By.id("enrol-progress-box")).isDisplayed()).as("no stale count before a start")
          .isFalse();
      assertThat(driver.findElement(By.id("enrol-stop")).isDisplayed()).isFalse();
      // The page gives up after a minute; the test shortens that, not the mechanism.
      driver.executeScript("document.getElementById('face-page').dataset.timeLimitSeconds = '8'");
      driver.findElement(By.id("enrol-start")).click();
      assertThat(driver.findElement(By.id("enrol-stop")).isDisplayed()).isTrue();
      browser.await(Duration.ofSeconds(40)).until(d -> "timed-out".equals(
          d.findElement(By.tagName("body")).getDomAttribute("data-enrol-state")));
      assertThat(driver.findElement(By.id("enrol-result")).getText()).startsWith("Enrolment stopped")
          .endsWith("Nothing was saved.");
      assertThat(driver.findElement(By.id("enrol-advice")).getText()).startsWith("A photo or a screen cannot be enrolled");
      assertThat(driver.findElement(By.id("enrol-progress-box")).isDisplayed()).isFalse();
      browser.screenshot("face-enrol-timed-out");

      driver.executeScript("document.getElementById('face-page').dataset.timeLimitSeconds = '60'");
      driver.findElement(By.id("enrol-start")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("enrol-stop"))).click();
      assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-enrol-state")).isEqualTo("stopped");
      assertThat(driver.findElement(By.id("enrol-result")).getText()).isEqualTo("Stopped. Nothing was saved.");
      assertThat(driver.findElement(By.id("enrol-start")).isEnabled()).isTrue();
    } finally {
      enrolment.delete(account.id());
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM biometrics.face_template WHERE account_id = ?",
        Integer.class, account.id().value())).isZero();
  }

  @Test
  void aPersonEnrolsWithTheCameraAndOnlyTheirOwnFacePassesTheCheck() throws Exception {
    String email = "face-browser-" + UUID.randomUUID() + "@example.org";
    AccountView account = directory.create(new NewAccount(email, "Ana Browser", EnumSet.of(Role.STUDENT), null,
        "a long face browser password"));
    try {
      try (var browser = Browser.withFakeCamera(anaVideo)) {
        signIn(browser, email);
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/account/face");
        driver.findElement(By.id("consent-agree")).click();
        driver.findElement(By.id("consent-submit")).click();
        browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-start")));

        driver.findElement(By.id("enrol-start")).click();
        browser.await(Duration.ofSeconds(90)).until(d -> "complete".equals(
            d.findElement(By.tagName("body")).getDomAttribute("data-enrol-state")));
        assertThat(driver.findElement(By.id("enrol-result")).getText()).isEqualTo("Done: your face is enrolled.");
        browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("check-start")));
        assertThat(driver.findElement(By.id("face-status")).getDomAttribute("data-enrolled")).isEqualTo("true");
        browser.screenshot("face-enrolled");

        driver.findElement(By.id("check-start")).click();
        browser.await(Duration.ofSeconds(60)).until(d -> {
          String state = d.findElement(By.tagName("body")).getDomAttribute("data-check-state");
          return "match".equals(state) || "no-match".equals(state) || "failed".equals(state);
        });
        assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-check-state")).isEqualTo("match");
        // Plain words for the person; similarity and thresholds are only on administrators' pages.
        assertThat(driver.findElement(By.id("check-outcome")).getText())
            .isEqualTo("Yes, this is you: the camera sees the face you enrolled.");
        assertThat(driver.findElement(By.id("face-page")).getText()).doesNotContainIgnoringCase("threshold")
            .doesNotContainIgnoringCase("similarity").doesNotMatch("(?s).*0\\.\\d{2}.*");
        browser.screenshot("face-check-match");
      }
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM biometrics.face_template WHERE account_id = ?",
          Integer.class, account.id().value())).isEqualTo(FaceEnrolment.FRAMES_PER_ENROLMENT);

      try (var browser = Browser.withFakeCamera(beaVideo)) {
        signIn(browser, email);
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/account/face");
        driver.findElement(By.id("check-start")).click();
        browser.await(Duration.ofSeconds(60)).until(d -> {
          String state = d.findElement(By.tagName("body")).getDomAttribute("data-check-state");
          return "match".equals(state) || "no-match".equals(state) || "failed".equals(state);
        });
        assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-check-state")).isEqualTo("no-match");
        assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-check-outcome")).isEqualTo("NO_MATCH");
        assertThat(driver.findElement(By.id("check-outcome")).getText()).startsWith("This does not look like");
        browser.screenshot("face-check-other-person");
      }
    } finally {
      enrolment.delete(account.id());
    }
  }
}
