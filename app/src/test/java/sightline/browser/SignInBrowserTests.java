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
import sightline.identity.SignInOutcome;
import sightline.identity.history.SignInHistory;

/** A person signs in with e-mail and password in a real browser, sees a wrong password refused, and signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserTests {

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  @Test
  void signsInWithAPasswordSeesTheHistoryAndSignsOut() throws Exception {
    String email = "browser-" + UUID.randomUUID() + "@example.org";
    var account = directory.create(new NewAccount(email, "Priya Sharma", EnumSet.of(Role.TEACHER), null,
        "a very long browser password"));
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/sign-in");
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys("not the right password");
      driver.findElement(By.cssSelector("#sign-in-form button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));

      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys("a very long browser password");
      driver.findElement(By.cssSelector("#sign-in-form button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Priya Sharma"));

      driver.get("http://localhost:" + port + "/account/sign-ins");
      assertThat(driver.findElements(By.cssSelector("#sign-ins tbody tr"))).hasSize(2);
      assertThat(driver.findElement(By.id("sign-ins")).getText()).contains("Signed in")
          .contains("Wrong e-mail or password");
      browser.screenshot("sign-in-history");

      driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in?signedOut"));
    }
    assertThat(history.of(account.id(), 0, 10).getContent())
        .extracting(record -> record.outcome())
        .containsExactly(SignInOutcome.SUCCESS, SignInOutcome.BAD_CREDENTIALS);
  }
}
