package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * An administrator creates a face API application and a key for it in a real browser: the application page has
 * its title and heading, shows the application as it is, and its forms post to the application's own address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class FaceApiAdminBrowserTests {

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Test
  void createsAnApplicationAndAKeyOnThePages() throws Exception {
    String email = "browser-faceapi-" + UUID.randomUUID() + "@example.org";
    directory.create(new NewAccount(email, "Ada Admin", EnumSet.of(Role.ADMIN), null, "a very long admin password"));
    String base = "http://localhost:" + port;
    String name = "Library gate " + UUID.randomUUID().toString().substring(0, 8);
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      var wait = browser.await(Duration.ofSeconds(10));
      browser.signIn(base, email, "a very long admin password", "Ada Admin");

      driver.get(base + "/admin/face-api");
      driver.findElement(By.cssSelector("#create-application #name")).sendKeys(name);
      driver.findElement(By.cssSelector("#create-application button")).click();
      wait.until(ExpectedConditions.urlMatches("/admin/face-api/[0-9a-f-]{36}$"));
      String applicationUrl = driver.getCurrentUrl();
      assertThat(driver.getTitle()).isEqualTo(name);
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
      assertThat(driver.findElement(By.id("application-status")).getText()).isEqualTo("Enabled");
      assertThat(driver.findElement(By.id("application-subjects")).getText()).isEqualTo("0 subjects");
      assertThat(driver.findElement(By.id("create-key")).getDomAttribute("action"))
          .isEqualTo(applicationUrl.substring(base.length()) + "/keys");

      driver.findElement(By.cssSelector("#create-key #name")).sendKeys("Gate reader");
      driver.findElement(By.cssSelector("#create-key input[value=DETECT]")).click();
      driver.findElement(By.cssSelector("#create-key button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
      assertThat(driver.getCurrentUrl()).isEqualTo(applicationUrl);
      assertThat(driver.findElement(By.id("new-key")).getText()).hasSizeGreaterThan(30);
      assertThat(driver.findElement(By.id("keys")).getText()).contains("Gate reader");

      driver.findElement(By.id("disable")).click();
      wait.until(ExpectedConditions.textToBe(By.id("application-status"), "Disabled"));
      assertThat(driver.getCurrentUrl()).isEqualTo(applicationUrl);
      browser.screenshot("face-api-application");
    }
  }
}
