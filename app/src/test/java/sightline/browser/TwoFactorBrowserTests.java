package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.history.SignInHistory;
import sightline.identity.totp.AuthenticatorApp;

/**
 * A person turns on two-factor sign-in from the page in a real browser, as with a phone: the test plays the
 * authenticator app, reading the key the page shows and computing codes with its own RFC 6238 implementation (not
 * the server's), then signs out and signs in with password and code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class TwoFactorBrowserTests {

  private static final String PASSWORD = "a very long browser password";

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  @Test
  void turnsOnTwoFactorSignInOnThePageAndSignsInWithACode() throws Exception {
    String email = "browser-totp-" + UUID.randomUUID() + "@example.org";
    var account = directory.create(new NewAccount(email, "Lucía Torres", EnumSet.of(Role.TEACHER), null, PASSWORD));
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      var wait = browser.await(Duration.ofSeconds(10));
      signInWithPassword(browser, email);
      wait.until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Lucía Torres"));

      driver.get("http://localhost:" + port + "/account/profile");
      driver.findElement(By.id("two-factor-link")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-qr")));
      assertThat(driver.findElement(By.id("totp-qr")).getDomProperty("naturalWidth")).isNotEqualTo("0");
      byte[] key = AuthenticatorApp.key(driver.findElement(By.id("totp-secret")).getText());
      browser.screenshot("two-factor-set-up");
      long step = Instant.now().getEpochSecond() / 30;
      driver.findElement(By.id("code")).sendKeys(AuthenticatorApp.code(key, step));
      driver.findElement(By.cssSelector("#totp-enable-form button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
      assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
      driver.findElement(By.id("recovery-codes-done")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-enabled")));

      driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
      wait.until(ExpectedConditions.urlContains("/sign-in?signedOut"));
      signInWithPassword(browser, email);
      wait.until(ExpectedConditions.urlContains("/sign-in/two-factor"));
      assertThat(driver.findElements(By.id("signed-in-as"))).as("not signed in by the password alone").isEmpty();
      // The code of the step after the one used to enable it: the server never accepts a step twice.
      driver.findElement(By.id("code")).sendKeys(AuthenticatorApp.code(key, step + 1));
      driver.findElement(By.cssSelector("#totp-sign-in-form button")).click();
      wait.until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Lucía Torres"));
      browser.screenshot("two-factor-signed-in");
    }
    assertThat(history.of(account.id(), 0, 10).getContent())
        .extracting(record -> record.method() + " " + record.outcome())
        .containsExactly(SignInMethod.TOTP + " " + SignInOutcome.SUCCESS,
            SignInMethod.PASSWORD + " " + SignInOutcome.SECOND_FACTOR_REQUIRED,
            SignInMethod.PASSWORD + " " + SignInOutcome.SUCCESS);
  }

  private void signInWithPassword(Browser browser, String email) {
    browser.driver.get("http://localhost:" + port + "/sign-in");
    browser.driver.findElement(By.id("email")).sendKeys(email);
    browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.driver.findElement(By.cssSelector("#sign-in-form button")).click();
  }
}
