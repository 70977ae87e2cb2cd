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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.biometrics.FaceEnrolment;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Sign-in with face in a real browser, under the shipped liveness policy: the person's face is enrolled from a frame
 * of a real webcam clip ({@link RealClipCamera}), the sign-in page runs a liveness session on a fake camera playing
 * that clip, the server matches the face, and the browser is signed in; the sign-in history shows it with method
 * Face. The clip only blinks, so this application asks for the blink alone (a test-only fixed challenge order that
 * matches the clip): a session without a head turn is judged by the passive models, while production sessions always
 * include a turn for the motion cue. A video synthesised from one still photo no longer passes (see
 * {@code FaceSignInIntegrationTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sightline.biometrics.liveness.fixed-challenges=BLINK",
    "sightline.biometrics.liveness.challenge-timeout=60s",
    "sightline.biometrics.liveness.max-failures=1000"})
class FaceSignInBrowserTests {

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEnrolment enrolment;

  @Test
  void anEnrolledPersonSignsInWithTheirFaceOnARealClipAndSeesItInTheirHistory() throws Exception {
    Browser.assumeInstalled();
    Path video = RealClipCamera.slowedMahie(temp);
    AccountView admin = directory.create(new NewAccount("face-admin-" + UUID.randomUUID() + "@example.org",
        "Admin", EnumSet.of(Role.ADMIN), null, "a long face admin password"));
    String email = "face-sign-in-" + UUID.randomUUID() + "@example.org";
    AccountView person = directory.create(new NewAccount(email, "Mahie Student", EnumSet.of(Role.STUDENT), null,
        "a long face sign-in password"));
    assertThat(enrolment.enrolPhotos(person.id(), List.of(RealClipCamera.firstFrame()),
        FaceEnrolment.CONSENT_VERSION, admin.id()).stored()).isEqualTo(1);
    try (var browser = Browser.withFakeCamera(video)) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/sign-in");
      driver.findElement(By.id("sign-in-with-face")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("face-email")));
      driver.findElement(By.id("face-email")).sendKeys(email);
      driver.findElement(By.id("face-sign-in-start")).click();
      browser.await(Duration.ofSeconds(120)).until(d -> !d.getCurrentUrl().contains("/sign-in/face")
          || List.of("refused", "error").contains(d.findElement(By.tagName("body")).getDomAttribute(
              "data-face-sign-in-state")));
      browser.screenshot("face-sign-in");
      assertThat(driver.getCurrentUrl()).as(driver.findElement(By.tagName("body")).getText())
          .isEqualTo("http://localhost:" + port + "/");
      assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Mahie Student");

      driver.get("http://localhost:" + port + "/account/sign-ins");
      String firstRow = driver.findElement(By.cssSelector("#sign-ins tbody tr")).getText();
      browser.screenshot("face-sign-in-history");
      assertThat(firstRow).contains("Face").contains("Signed in");
    } finally {
      enrolment.delete(person.id());
    }
  }
}
