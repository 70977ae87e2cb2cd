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
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Sign-in with face in a real browser: the person's face is enrolled, then the sign-in page runs a liveness session
 * on a fake camera that plays a video synthesised from one fixture photo ({@link SyntheticLivenessFrames#cameraLoop}:
 * blink, turns, look up, come closer), the server matches the face, and the browser is signed in; the sign-in history
 * page shows it with method Face.
 */
@LivenessTestApplication
class FaceSignInBrowserTests {

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEngine faces;

  @Autowired
  FaceEnrolment enrolment;

  @Test
  void anEnrolledPersonSignsInWithTheirFaceAndSeesItInTheirHistory() throws Exception {
    Browser.assumeInstalled();
    var meera = SyntheticLivenessFrames.sample3(faces);
    Path video = temp.resolve("face-sign-in.y4m");
    FakeCameraVideo.write(meera.cameraLoop(List.of(Challenge.values()), 10), 10, video);
    AccountView admin = directory.create(new NewAccount("face-admin-" + UUID.randomUUID() + "@example.org",
        "Admin", EnumSet.of(Role.ADMIN), null, "a long face admin password"));
    String email = "face-sign-in-" + UUID.randomUUID() + "@example.org";
    AccountView person = directory.create(new NewAccount(email, "Meera Iyer", EnumSet.of(Role.STUDENT), null,
        "a long face sign-in password"));
    assertThat(enrolment.enrolPhotos(person.id(), List.of(SyntheticLivenessFrames.jpeg(meera.neutral())),
        FaceEnrolment.CONSENT_VERSION, admin.id()).stored()).isEqualTo(1);
    try (var browser = Browser.withFakeCamera(video)) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/sign-in");
      driver.findElement(By.id("sign-in-with-face")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("face-email")));
      driver.findElement(By.id("face-email")).sendKeys(email);
      driver.findElement(By.id("face-sign-in-start")).click();
      browser.await(Duration.ofSeconds(90)).until(d -> !d.getCurrentUrl().contains("/sign-in/face")
          || List.of("refused", "error").contains(d.findElement(By.tagName("body")).getDomAttribute(
              "data-face-sign-in-state")));
      browser.screenshot("face-sign-in");
      assertThat(driver.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
      assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Meera Iyer");

      driver.get("http://localhost:" + port + "/account/sign-ins");
      String firstRow = driver.findElement(By.cssSelector("#sign-ins tbody tr")).getText();
      browser.screenshot("face-sign-in-history");
      assertThat(firstRow).contains("Face").contains("Signed in");
    } finally {
      enrolment.delete(person.id());
    }
  }
}
