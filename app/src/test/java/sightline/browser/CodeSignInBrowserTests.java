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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sightline.identity.AccountDirectory;
import sightline.identity.DeliveryTestServers;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.history.SignInHistory;

/** A person signs in in a real browser with a code read from the e-mail that the real SMTP server received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CodeSignInBrowserTests {

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  @DynamicPropertySource
  static void deliveryServers(DynamicPropertyRegistry registry) {
    DeliveryTestServers.register(registry);
  }

  @Test
  void signsInWithACodeFromTheMail() throws Exception {
    String email = "browser-code-" + UUID.randomUUID() + "@example.org";
    var account = directory.create(new NewAccount(email, "Ravi Kumar", EnumSet.of(Role.STUDENT), null, null));
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/sign-in");
      driver.findElement(By.id("sign-in-with-code")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("recipient")));
      driver.findElement(By.id("recipient")).sendKeys(email);
      driver.findElement(By.cssSelector("#code-request-form button")).click();

      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
      assertThat(driver.findElement(By.id("recipient")).getAttribute("value")).isEqualTo(email);
      String code = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(email));
      driver.findElement(By.id("code")).sendKeys(code);
      browser.screenshot("code-sign-in");
      driver.findElement(By.cssSelector("#code-verify-form button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Ravi Kumar"));

      driver.get("http://localhost:" + port + "/account/sign-ins");
      assertThat(driver.findElement(By.id("sign-ins")).getText()).contains("One-time code").contains("Signed in");
    }
    assertThat(history.of(account.id(), 0, 10).getContent()).singleElement().satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.CODE);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS);
    });
  }
}
