package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * A person who uses only the keyboard (TAB, Space, Enter) signs in, consents, starts and stops face enrolment, skips
 * the menu and starts the liveness self-test; each control they land on shows where the focus is, in document order.
 */
@LivenessTestApplication
class KeyboardBrowserTests {

  private static final int MAX_TABS = 40;

  // True when the element shows a focus indicator: an outline or a focus ring drawn as a box shadow.
  private static final String FOCUS_VISIBLE = """
      const e = arguments[0], s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      return e.matches(':focus-visible') && (outline || (s.boxShadow && s.boxShadow !== 'none'));
      """;

  // True when arguments[1] comes after arguments[0] in the document.
  private static final String FOLLOWS = """
      return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);
      """;

  @TempDir
  static Path temp;

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  FaceEngine faces;

  @Test
  void signInEnrolmentAndLivenessWorkWithTheKeyboardAlone() throws Exception {
    Browser.assumeInstalled();
    Path video = temp.resolve("face.y4m");
    FakeCameraVideo.write(SyntheticLivenessFrames.sample3(faces).neutral(), 30, video);
    String email = "keyboard-" + UUID.randomUUID() + "@example.org";
    directory.create(new NewAccount(email, "Kiran Keys", EnumSet.of(Role.STUDENT), null, "a long keyboard password"));
    try (var browser = Browser.withFakeCamera(video)) {
      var driver = browser.driver;

      driver.get("http://localhost:" + port + "/sign-in");
      assertThat(active(browser).getDomAttribute("id")).as("the e-mail field has the focus").isEqualTo("email");
      keys(browser, email);
      keys(browser, Keys.TAB);
      assertFocusedVisibly(browser, "password");
      keys(browser, "a long keyboard password");
      keys(browser, Keys.TAB);
      WebElement submit = active(browser);
      assertThat(submit.getDomAttribute("type")).as("after the password comes the submit button").isEqualTo("submit");
      assertThat(visible(browser, submit)).as("focus visible on the submit button").isTrue();
      keys(browser, Keys.ENTER);
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Kiran Keys"));

      driver.get("http://localhost:" + port + "/account/face");
      tabTo(browser, "consent-agree");
      keys(browser, Keys.SPACE);
      assertThat(driver.findElement(By.id("consent-agree")).isSelected()).isTrue();
      keys(browser, Keys.TAB);
      assertFocusedVisibly(browser, "consent-submit");
      keys(browser, Keys.ENTER);
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-start")));
      tabTo(browser, "enrol-start");
      keys(browser, Keys.ENTER);
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("enrol-stop")));
      browser.screenshot("keyboard-enrolment");
      keys(browser, Keys.TAB);
      assertFocusedVisibly(browser, "enrol-stop");
      keys(browser, Keys.ENTER);
      browser.await(Duration.ofSeconds(10)).until(d ->
          "stopped".equals(d.findElement(By.tagName("body")).getDomAttribute("data-enrol-state")));

      driver.get("http://localhost:" + port + "/liveness");
      keys(browser, Keys.TAB);
      assertFocusedVisibly(browser, "skip-to-content");
      keys(browser, Keys.ENTER);
      assertThat(active(browser).getDomAttribute("id")).as("the skip link moves the focus to the content")
          .isEqualTo("main");
      tabTo(browser, "liveness-start");
      keys(browser, Keys.ENTER);
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("liveness-challenge"),
          "Blink once"));
    }
  }

  /**
   * Presses TAB from the top of the page until the element is focused; every element passed on the way shows its
   * focus and comes later in the document than the one before (no jumps from positive tabindex or reordering).
   */
  private void tabTo(Browser browser, String id) {
    List<String> path = new ArrayList<>();
    WebElement previous = null;
    for (int i = 0; i < MAX_TABS; i++) {
      keys(browser, Keys.TAB);
      WebElement focused = active(browser);
      String name = focused.getTagName() + "#" + focused.getDomAttribute("id") + " " + focused.getText();
      path.add(name);
      assertThat(visible(browser, focused)).as("focus visible on %s (path %s)", name, path).isTrue();
      if (previous != null) {
        assertThat((Boolean) browser.driver.executeScript(FOLLOWS, previous, focused))
            .as("focus order follows the page: %s", path).isTrue();
      }
      if (id.equals(focused.getDomAttribute("id"))) return;
      previous = focused;
    }
    throw new AssertionError("TAB never reached #" + id + ": " + path);
  }

  private void assertFocusedVisibly(Browser browser, String id) {
    WebElement focused = active(browser);
    assertThat(focused.getDomAttribute("id")).isEqualTo(id);
    assertThat(visible(browser, focused)).as("focus visible on #%s", id).isTrue();
  }

  private static WebElement active(Browser browser) {
    return browser.driver.switchTo().activeElement();
  }

  private static boolean visible(Browser browser, WebElement element) {
    return Boolean.TRUE.equals(browser.driver.executeScript(FOCUS_VISIBLE, element));
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }
}
