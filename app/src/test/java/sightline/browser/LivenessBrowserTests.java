package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/** A signed-in person runs the liveness self-test in a real browser with a fake camera. */
@LivenessTestApplication
class LivenessBrowserTests {

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEngine faces;

  @Test
  void aStillPhotoFailsWithNoBlinkSeenShownOnThePage() throws Exception {
    Browser.assumeInstalled();
    Path video = temp.resolve("still.y4m");
    FakeCameraVideo.write(SyntheticLivenessFrames.sample3(faces).neutral(), 30, video);
    String email = "liveness-" + UUID.randomUUID() + "@example.org";
    directory.create(new NewAccount(email, "Asha Rao", EnumSet.of(Role.STUDENT), null, "a long liveness password"));
    try (var browser = Browser.withFakeCamera(video)) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/sign-in");
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys("a long liveness password");
      driver.findElement(By.cssSelector("#sign-in-form button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Asha Rao"));

      driver.get("http://localhost:" + port + "/liveness");
      driver.findElement(By.id("liveness-start")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("liveness-challenge"),
          "Blink once"));
      // The challenge times out after 15 s in the test configuration (30 s by default).
      browser.await(Duration.ofSeconds(40)).until(d ->
          "failed".equals(d.findElement(By.tagName("body")).getDomAttribute("data-liveness-state")));
      String result = driver.findElement(By.id("liveness-result")).getText();
      browser.screenshot("liveness-still-photo");
      assertThat(result).startsWith("Not passed:").contains("No blink was seen.");
      assertThat(driver.findElement(By.id("liveness-oval")).getDomAttribute("class")).contains("is-bad");
    }
  }
}
