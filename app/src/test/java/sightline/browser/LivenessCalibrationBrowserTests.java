package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.biometrics.Challenge;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.liveness.LivenessPolicies;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.biometrics.liveness.SitePolicy;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * An administrator calibrates liveness on this browser's camera: starts a calibration on {@code /admin/liveness},
 * runs three staff sessions (the fake camera plays the synthetic challenge loop; every session meets all challenges,
 * so the policy judges it and records its score), sees the score distribution, the proposal and the attack set's
 * figures at both thresholds, accepts it, and finds
 * the new policy version, by calibration and by them, in the policy audit.
 */
@LivenessTestApplication
class LivenessCalibrationBrowserTests {

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEngine faces;

  @Autowired
  LivenessPolicies policies;

  @Test
  void anAdministratorRunsACalibrationAcceptsItAndSeesItInTheAudit() throws Exception {
    Browser.assumeInstalled();
    Path video = temp.resolve("calibration.y4m");
    FakeCameraVideo.write(SyntheticLivenessFrames.sample3(faces).cameraLoop(List.of(Challenge.values()), 10), 10,
        video);
    String email = "calibration-admin-" + UUID.randomUUID() + "@example.org";
    AccountView admin = directory.create(new NewAccount(email, "Calibrating Admin", EnumSet.of(Role.ADMIN), null,
        "a long calibration password"));
    SitePolicy before = policies.current();
    // The attack set's scores as `eval liveness --attack-scores` writes them (a test fixture of five sessions).
    java.nio.file.Files.writeString(Path.of("target", "liveness-attack-scores.csv"),
        "attack_type,score\nprint,0.20\nprint,0.50\nprint,0.9999\nreplay_iphone,0.30\nreplay_iphone,\n");
    try (var browser = Browser.withFakeCamera(video)) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/sign-in");
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys("a long calibration password");
      driver.findElement(By.cssSelector("#sign-in-form button")).click();
      browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("signed-in-as"),
          "Calibrating Admin"));

      driver.get("http://localhost:" + port + "/admin/liveness");
      assertThat(driver.findElement(By.id("policy-in-force")).getText()).contains(String.format(java.util.Locale.ROOT, "%.3f",
          before.threshold()));
      click(browser, "calibration-start");
      for (int session = 1; session <= 3; session++) {
        browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("calibration-run")));
        click(browser, "calibration-run");
        int judged = session;
        // Each session meets the five challenges of the camera loop (about 9 s a loop), then the page reloads.
        browser.await(Duration.ofSeconds(120)).until(d -> d.findElement(By.id("calibration-count")).getText()
            .endsWith(": " + judged));
      }
      browser.screenshot("liveness-calibration");
      String proposal = driver.findElement(By.id("calibration-proposal")).getText();
      assertThat(proposal).contains("5%").contains("of these 3 sessions");
      String attacks = driver.findElement(By.id("calibration-attacks")).getText();
      assertThat(attacks).as("APCER at the threshold in force, per attack type").contains("print 1/3")
          .contains("replay_iphone 0/2");
      click(browser, "calibration-accept");

      browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
          By.id("liveness-admin-notice")));
      SitePolicy adopted = policies.current();
      assertThat(adopted.version()).isEqualTo(before.version() + 1);
      assertThat(adopted.source()).isEqualTo(SitePolicy.Source.CALIBRATION);
      assertThat(adopted.createdBy()).isEqualTo(admin.id());
      assertThat(driver.findElement(By.id("liveness-admin-notice")).getText()).contains("" + adopted.version());
      String latest = driver.findElement(By.cssSelector("#policy-audit tbody tr")).getText();
      browser.screenshot("liveness-calibration-accepted");
      assertThat(latest).startsWith("" + adopted.version()).contains("Site calibration").contains("Calibrating Admin")
          .contains(String.format(java.util.Locale.ROOT, "%.3f", adopted.threshold())).contains("3 staff sessions");
      assertThat(driver.findElements(By.id("calibration-panel"))).as("the calibration is closed").isEmpty();
    } finally {
      // Other tests of this application context expect the shipped thresholds.
      policies.adopt(LivenessPolicies.Change.of(before), SitePolicy.Source.ADMIN, "test: restored", admin.id());
    }
  }

  /**
   * Clicks an element after scrolling it to the middle of the window (the page is longer than the window), at once:
   * Bootstrap makes scrolling smooth, and a click during the glide lands on whatever is under the old position.
   */
  private static void click(Browser browser, String id) {
    var element = browser.driver.findElement(By.id(id));
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    element.click();
  }
}
