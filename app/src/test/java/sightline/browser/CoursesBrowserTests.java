package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.Courses;
import sightline.courses.Place;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * A teacher on a 390 px phone, in Berlin, creates a course, plans a weekly series at the place where the phone is
 * (the browser's geolocation, overridden through DevTools), imports a roster CSV whose bad row the preview shows,
 * and shares the join code; a student types it on a phone and sees the course. The course page also fits 1280 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoursesBrowserTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String PASSWORD = "a long browser course password";
  private static final int PHONE = 390;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  Courses courses;

  private AccountView account(Role role, String name) {
    return directory.create(new NewAccount("browser-" + UUID.randomUUID() + "@example.org", name, EnumSet.of(role),
        null, PASSWORD));
  }

  @Test
  void aTeacherPlansASeriesAtHerPlaceImportsARosterAndAStudentJoinsWithTheCode() throws Exception {
    AccountView teacher = account(Role.TEACHER, "Teacher Tara");
    AccountView imported = account(Role.STUDENT, "Imported Ivan");
    AccountView joiner = account(Role.STUDENT, "Joining Jaya");
    String code = "BR-" + UUID.randomUUID().toString().substring(0, 6);
    Path roster = Files.createTempFile("course-roster", ".csv");
    Files.writeString(roster, "email,name\n" + imported.email() + ",Ivan\nnot-an-address,Nobody\n");
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      phone(browser);
      driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Berlin"));
      driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
          "permissions", List.of("geolocation")));
      driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 28.6139, "longitude", 77.209,
          "accuracy", 12));
      browser.signIn(url(""), teacher.email(), PASSWORD, teacher.displayName());

      driver.get(url("/courses"));
      driver.findElement(By.cssSelector("#create-course #code")).sendKeys(code);
      driver.findElement(By.cssSelector("#create-course #title")).sendKeys("Botany");
      assertThat(driver.findElement(By.cssSelector("#create-course #graceMinutes")).getAttribute("value"))
          .isEqualTo("10");
      driver.findElement(By.id("create-course-button")).click();
      browser.await(WAIT).until(ExpectedConditions.urlMatches("/courses/[0-9a-f-]{36}$"));
      CourseId course = new CourseId(UUID.fromString(driver.getCurrentUrl().replaceAll(".*/", "")));
      assertThat(driver.findElement(By.id("notice")).getText()).contains(code);

      browser.await(WAIT).until(ExpectedConditions.attributeToBe(By.id("zone"), "value", "Europe/Berlin"));
      driver.findElement(By.cssSelector("#session-form #title")).sendKeys("Lecture");
      driver.findElement(By.cssSelector("#session-form #room")).sendKeys("Greenhouse");
      setValue(browser, "startsAt", "2030-03-04T09:00");
      setValue(browser, "endsAt", "10:30");
      setValue(browser, "repeatUntil", "2030-04-08");
      click(browser, driver.findElement(By.id("use-location")));
      browser.await(WAIT).until(ExpectedConditions.attributeToBe(By.id("latitude"), "value", "28.613900"));
      assertThat(driver.findElement(By.id("location-status")).getText()).contains("12");
      assertThat(driver.findElement(By.id("radiusMetres")).getAttribute("value")).isEqualTo("100");
      assertFits(browser);
      click(browser, driver.findElement(By.id("plan-button")));
      browser.await(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.session-row"), 6));
      assertThat(driver.findElement(By.id("notice")).getText()).contains("6");
      List<ClassSessionView> planned = courses.sessions(course);
      // 09:00 in Berlin every Monday, before and after summer time starts on 31 March.
      assertThat(planned).extracting(ClassSessionView::startsAt).containsExactly(
          Instant.parse("2030-03-04T08:00:00Z"), Instant.parse("2030-03-11T08:00:00Z"),
          Instant.parse("2030-03-18T08:00:00Z"), Instant.parse("2030-03-25T08:00:00Z"),
          Instant.parse("2030-04-01T07:00:00Z"), Instant.parse("2030-04-08T07:00:00Z"));
      assertThat(planned).allSatisfy(s -> assertThat(s.place()).isEqualTo(new Place(28.6139, 77.209, 100)));
      assertThat(driver.findElements(By.cssSelector("a.session-roster"))).hasSize(6);
      assertFits(browser);
      browser.screenshot("courses-teacher-phone");

      click(browser, driver.findElement(By.id("import-roster")));
      driver.findElement(By.id("import-file")).sendKeys(roster.toAbsolutePath().toString());
      click(browser, driver.findElement(By.id("import-preview")));
      browser.await(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
      WebElement bad = driver.findElement(By.cssSelector("#import-rows tr.table-danger"));
      assertThat(bad.getText()).contains("not-an-address", "Not an e-mail address");
      assertThat(driver.findElement(By.id("import-summary")).getText()).contains("1", "2");
      assertFits(browser);
      browser.screenshot("courses-import-preview-phone");
      click(browser, driver.findElement(By.id("import-confirm")));
      browser.await(WAIT).until(ExpectedConditions.urlMatches("/courses/[0-9a-f-]{36}$"));
      assertThat(driver.findElement(By.id("roster-rows")).getText()).contains("Imported Ivan");
      String joinCode = driver.findElement(By.id("join-code")).getText();

      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
          "deviceScaleFactor", 1, "mobile", false));
      assertFits(browser);
      browser.screenshot("courses-teacher-desktop");

      driver.manage().deleteAllCookies();
      phone(browser);
      browser.signIn(url(""), joiner.email(), PASSWORD, joiner.displayName());
      driver.get(url("/courses"));
      click(browser, driver.findElement(By.id("join-course")));
      driver.findElement(By.id("code")).sendKeys(joinCode.substring(0, 4).toLowerCase() + "-" + joinCode.substring(4));
      click(browser, driver.findElement(By.id("join-button")));
      browser.await(WAIT).until(ExpectedConditions.urlMatches("/courses/[0-9a-f-]{36}$"));
      assertThat(driver.findElement(By.id("notice")).getText()).contains(code);
      assertThat(driver.findElements(By.cssSelector("tr.session-row"))).hasSize(6);
      assertThat(driver.findElements(By.id("join-code"))).isEmpty();
      assertFits(browser);
      browser.screenshot("courses-student-phone");
      assertThat(courses.enrolledStudents(course)).containsExactlyInAnyOrder(imported.id(), joiner.id());
    } finally {
      Files.delete(roster);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static void phone(Browser browser) {
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE, "height", 844,
        "deviceScaleFactor", 1, "mobile", true));
  }

  /** Sets a date or time input as a person's picker would, without the locale-dependent typing of its segments. */
  private static void setValue(Browser browser, String id, String value) {
    browser.driver.executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        + " e.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
  }

  private static void click(Browser browser, WebElement element) {
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    browser.await(WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private static void assertFits(Browser browser) {
    Object overflow = browser.driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).as("page wider than the window").isLessThanOrEqualTo(0);
  }
}
