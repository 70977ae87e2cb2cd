package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hindi renders in the font Sightline ships, on a machine that has no Devanagari font of its own (the test machine
 * has none: without the shipped font the page shows empty boxes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class FontsBrowserTests {

  @LocalServerPort
  int port;

  @Test
  void hindiPagesUseTheShippedDevanagariFont() throws Exception {
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      driver.get("http://localhost:" + port + "/?lang=hi");
      @SuppressWarnings("unchecked")
      var loaded = (List<String>) driver.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          document.fonts.ready.then(() => done(Array.from(document.fonts)
            .filter(f => f.status === 'loaded').map(f => f.family.replaceAll('"', '') + ' ' + f.weight)));""");
      assertThat(loaded).contains("Noto Sans Devanagari 400", "Noto Sans 400");
      assertThat(driver.executeScript("return getComputedStyle(document.body).fontFamily")).asString()
          .startsWith("\"Noto Sans\", \"Noto Sans Devanagari\"");
      browser.screenshot("home-anonymous-hi");
    }
  }
}
