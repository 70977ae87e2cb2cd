package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API description page (Swagger UI) renders the operations without breaking the Content Security Policy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class ApiDescriptionBrowserTests {

  /** Collects the page's Content Security Policy violations from the first moment of each document. */
  static final String CSP_LISTENER = """
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation',
        e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));""";

  @LocalServerPort
  int port;

  @Test
  void swaggerUiShowsTheOperationsWithoutContentSecurityPolicyViolations() throws Exception {
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
      driver.get("http://localhost:" + port + "/swagger-ui.html");
      browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
          ".opblock")));
      @SuppressWarnings("unchecked")
      var violations = (List<String>) driver.executeScript("return window.__cspViolations");
      assertThat(violations).isEmpty();
    }
  }
}
