package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.biometrics.FaceEnrolment;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Staff attendance in real browsers: an administrator sets the school's place on its page; a teacher whose face is
 * enrolled from a real webcam clip checks in with the same clip as the camera and Chromium's geolocation overridden
 * through DevTools, first from 220 m away (refused as outside the place), then from inside (checked in); the
 * administrator's report shows the day's check-in with the refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sightline.biometrics.liveness.fixed-challenges=BLINK",
    "sightline.biometrics.liveness.challenge-timeout=60s",
    "sightline.biometrics.liveness.max-failures=1000"})
class StaffCheckInBrowserTests {

  private static final String PASSWORD = "a long staff check-in password";
  private static final double LATITUDE = 12.9716;
  private static final double LONGITUDE = 77.5946;

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEnrolment enrolment;

  @Test
  void aTeacherIsRefusedOutsideTheSchoolAndChecksInInsideAndTheReportShowsBoth() throws Exception {
    Browser.assumeInstalled();
    Path clip = RealClipCamera.slowedMahie(temp);
    String base = "http://localhost:" + port;
    AccountView admin = account("Staff Admin", Role.ADMIN);
    AccountView teacher = account("Mahie Teacher", Role.TEACHER);
    try (var adminBrowser = Browser.withoutCamera(); var teacherBrowser = Browser.withFakeCamera(clip)) {
      assertThat(enrolment.enrolPhotos(teacher.id(), List.of(RealClipCamera.firstFrame()),
          FaceEnrolment.CONSENT_VERSION, admin.id()).stored()).isEqualTo(1);
      adminBrowser.signIn(base, admin.email(), PASSWORD, admin.displayName());
      adminBrowser.driver.get(base + "/admin/attendance/staff");
      type(adminBrowser.driver.findElement(By.id("latitude")), Double.toString(LATITUDE));
      type(adminBrowser.driver.findElement(By.id("longitude")), Double.toString(LONGITUDE));
      type(adminBrowser.driver.findElement(By.id("radiusMetres")), "100");
      adminBrowser.driver.findElement(By.id("staff-place-save")).click();
      adminBrowser.await(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("staff-place-saved")).isEmpty());

      var driver = teacherBrowser.driver;
      teacherBrowser.signIn(base, teacher.email(), PASSWORD, teacher.displayName());
      driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base,
          "permissions", List.of("geolocation")));
      // 0.002 degrees of latitude north: about 220 m from the centre, accurate to 15 m.
      assertThat(checkIn(teacherBrowser, base, LATITUDE + 0.002, "outside")).isEqualTo("refused");
      assertThat(driver.findElement(By.id("staff-result")).getText()).contains("not at the school");
      assertThat(checkIn(teacherBrowser, base, LATITUDE + 0.0003, "inside")).isEqualTo("accepted");
      driver.get(base + "/attendance/staff");
      assertThat(driver.findElements(By.id("staff-checked-in"))).hasSize(1);
      assertThat(driver.findElements(By.id("staff-start"))).as("once a day").isEmpty();

      adminBrowser.driver.get(base + "/admin/attendance/staff");
      String row = adminBrowser.driver.findElements(By.cssSelector("#staff-report tbody tr")).stream()
          .map(WebElement::getText).filter(text -> text.contains("Mahie Teacher")).findFirst().orElseThrow();
      adminBrowser.screenshot("staff-report");
      assertThat(row).contains("Outside the school").doesNotContain("Not checked in");
      assertThat(adminBrowser.driver.findElement(By.id("staff-report-attempts")).getText())
          .contains("Checked in").contains("Outside the school");
    } finally {
      enrolment.delete(teacher.id());
    }
  }

  /** One check-in on the staff page from {@code latitude}; answers the page's final state. */
  private String checkIn(Browser browser, String base, double latitude, String screenshot) throws Exception {
    var driver = browser.driver;
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", latitude,
        "longitude", LONGITUDE, "accuracy", 15));
    driver.get(base + "/attendance/staff");
    browser.await(Duration.ofSeconds(10)).until(d -> "idle".equals(
        d.findElement(By.tagName("body")).getDomAttribute("data-staff-state")));
    driver.findElement(By.id("staff-start")).click();
    browser.await(Duration.ofSeconds(120)).until(d -> List.of("accepted", "refused", "error").contains(
        d.findElement(By.tagName("body")).getDomAttribute("data-staff-state")));
    browser.screenshot("staff-check-in-" + screenshot);
    return driver.findElement(By.tagName("body")).getDomAttribute("data-staff-state");
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }

  private AccountView account(String name, Role role) {
    return directory.create(new NewAccount("staff-" + UUID.randomUUID() + "@example.org", name, EnumSet.of(role),
        null, PASSWORD));
  }
}
