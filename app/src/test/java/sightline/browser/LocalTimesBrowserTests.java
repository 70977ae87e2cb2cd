package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.system.Times;

/**
 * A person whose browser is in another time zone than the school's sees the times of their sign-in history in their
 * own zone, named, with the school's time kept in the title; an empty table says "None yet".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class LocalTimesBrowserTests {

  private static final String PASSWORD = "a very long time zone password";

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;
  @Autowired
  Times times;

  @Test
  void timesAreShownInTheReadersZoneWhenItDiffersFromTheSchools() throws Exception {
    String base = "http://localhost:" + port;
    String email = "browser-zone-" + UUID.randomUUID() + "@example.org";
    var account = directory.create(new NewAccount(email, "Zone Reader", EnumSet.of(Role.TEACHER), null, PASSWORD));
    ZoneId reader = ZoneId.of(times.zone().getId().equals("Pacific/Auckland") ? "America/Lima" : "Pacific/Auckland");
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", reader.getId()));
      browser.signIn(base, email, PASSWORD, "Zone Reader");
      driver.get(base + "/account/sign-ins");
      var time = driver.findElement(By.cssSelector("#sign-ins time.instant"));
      Instant at = Instant.parse(time.getDomAttribute("datetime"));
      String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atZone(reader));
      assertThat(time.getText()).startsWith(expected + " ");
      assertThat(time.getDomAttribute("title")).isEqualTo(times.seconds(at) + " (" + times.zone().getId() + ")");

      var newcomer = directory.create(new NewAccount("browser-zone-new-" + UUID.randomUUID() + "@example.org",
          "New Person", EnumSet.of(Role.STUDENT), null, PASSWORD));
      String adminEmail = "browser-zone-admin-" + UUID.randomUUID() + "@example.org";
      var admin = directory.create(new NewAccount(adminEmail, "Zone Admin", EnumSet.of(Role.ADMIN), null, PASSWORD));
      driver.manage().deleteAllCookies();
      browser.signIn(base, adminEmail, PASSWORD, "Zone Admin");
      driver.get(base + "/admin/accounts/" + newcomer.id().value());
      assertThat(driver.findElement(By.id("account-sign-ins")).getText()).isEqualTo("None yet.");
      assertThat(admin.displayName()).isEqualTo("Zone Admin");
    }
    assertThat(reader.getDisplayName(TextStyle.SHORT, Locale.ROOT)).isNotBlank();
  }
}
