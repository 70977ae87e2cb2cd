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
 * Too many wrong passwords in a real browser: the person is told how long to wait and has a way back to the form;
 * an administrator sees the account locked until a time, with Unlock, and no Unlock for an account that is not
 * locked; someone who may not open a page sees it titled as such.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class LockoutBrowserTests {

  private static final String PASSWORD = "a very long lockout password";

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Test
  void aLockedOutPersonIsToldHowLongToWaitAndAnAdministratorSeesTheLock() throws Exception {
    String base = "http://localhost:" + port;
    String email = "browser-lockout-" + UUID.randomUUID() + "@example.org";
    var student = directory.create(new NewAccount(email, "Ravi Kumar", EnumSet.of(Role.STUDENT), null, PASSWORD));
    var calm = directory.create(new NewAccount("browser-calm-" + UUID.randomUUID() + "@example.org", "Calm Person",
        EnumSet.of(Role.STUDENT), null, PASSWORD));
    String adminEmail = "browser-lockout-admin-" + UUID.randomUUID() + "@example.org";
    directory.create(new NewAccount(adminEmail, "Lock Admin", EnumSet.of(Role.ADMIN), null, PASSWORD));
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      var wait = browser.await(Duration.ofSeconds(10));
      for (int i = 0; i < 5; i++) {
        driver.get(base + "/sign-in");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("wrong password " + i);
        driver.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
      }
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.cssSelector("#sign-in-form button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-wait")));
      assertThat(driver.getTitle()).isEqualTo("Too many attempts");
      assertThat(driver.findElement(By.id("error-wait")).getText()).matches("Wait (one minute|\\d+ seconds), then try again\\.");
      browser.screenshot("sign-in-wait");
      driver.findElement(By.id("error-back")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));

      browser.signIn(base, adminEmail, PASSWORD, "Lock Admin");
      driver.get(base + "/admin/accounts/" + student.id().value());
      assertThat(driver.findElement(By.id("account-status")).getText()).startsWith("Locked").contains("until");
      assertThat(driver.findElements(By.id("unlock"))).hasSize(1);
      driver.get(base + "/admin/accounts?show=locked");
      assertThat(driver.findElement(By.id("accounts")).getText()).contains("Ravi Kumar");
      driver.get(base + "/admin/accounts/" + calm.id().value());
      assertThat(driver.findElement(By.id("account-status")).getText()).isEqualTo("Active");
      assertThat(driver.findElements(By.id("unlock"))).isEmpty();
      driver.get(base + "/admin/accounts/" + student.id().value());
      driver.findElement(By.id("unlock")).click();
      wait.until(ExpectedConditions.textToBe(By.id("account-status"), "Active"));
      assertThat(driver.findElements(By.id("unlock"))).isEmpty();

      driver.manage().deleteAllCookies();
      browser.signIn(base, calm.email(), PASSWORD, "Calm Person");
      driver.get(base + "/admin/accounts");
      assertThat(driver.getTitle()).isEqualTo("Not allowed");
    }
  }
}
