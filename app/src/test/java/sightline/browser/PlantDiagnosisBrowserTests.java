package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sightline.diagnosis.Diagnoses;
import sightline.diagnosis.LeafPictures;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.DeliveryTestServers;

/**
 * A farmer on a 390 px phone signs in with a code sent by SMS, checks a leaf photo the test draws, reads the top 5
 * and the advice in Hindi after switching language, finds the check in the history and deletes it; and a photo
 * taken without a connection waits on the phone and is diagnosed once the phone is back online.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlantDiagnosisBrowserTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  Diagnoses diagnoses;

  @DynamicPropertySource
  static void deliveryServers(DynamicPropertyRegistry registry) {
    DeliveryTestServers.register(registry);
  }

  @Test
  void aFarmerChecksALeafReadsTheAdviceInHindiAndDeletesTheCheck() throws Exception {
    Path photo = leafPhoto();
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      AccountId farmer = openDiagnosisAsANewFarmer(browser);
      click(browser, By.id("disclaimer-confirm"));
      browser.await(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("disclaimer")));
      assertThat(driver.findElement(By.id("disclaimer-link")).isDisplayed()).isTrue();
      assertFitsThePhone(browser);

      driver.findElement(By.id("photo")).sendKeys(photo.toString());
      click(browser, By.id("diagnose-button"));
      browser.await(WAIT).until(ExpectedConditions.urlContains("/diagnosis/results/"));
      browser.await(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#top-five li"), 5));
      assertThat(driver.findElement(By.id("diagnosis-name")).getText()).isEqualTo("Cedar apple rust");
      assertThat(driver.findElement(By.id("advice")).getText()).contains("Chemical treatment");
      assertThat(driver.findElement(By.id("model-version")).getText()).startsWith("pv16-");
      assertFitsThePhone(browser);
      browser.screenshot("plant-diagnosis-result");

      driver.findElement(By.id("menu-button")).click();
      browser.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[lang=hi]"))).click();
      browser.await(WAIT).until(ExpectedConditions.textToBe(By.id("diagnosis-name"),
          "सेब का देवदार-रतुआ (सीडर ऐपल रस्ट)"));
      assertThat(driver.findElement(By.id("advice")).getText()).contains("रासायनिक उपचार");
      assertThat(driver.findElements(By.cssSelector("#top-five li"))).hasSize(5);
      browser.screenshot("plant-diagnosis-result-hi");

      driver.get(url("/diagnosis/history"));
      var entry = driver.findElement(By.cssSelector("#history li a.fw-semibold"));
      assertThat(entry.getText()).isEqualTo("सेब का देवदार-रतुआ (सीडर ऐपल रस्ट)");
      click(browser, By.cssSelector("#history li a.fw-semibold"));
      click(browser, By.id("delete-result"));
      browser.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("history-empty")));
      assertThat(diagnoses.history(farmer, 0, 10).getTotalElements()).isZero();
    } finally {
      Files.deleteIfExists(photo);
    }
  }

  @Test
  void aPhotoTakenOfflineIsSentAndDiagnosedWhenThePhoneIsBackOnline() throws Exception {
    Path photo = leafPhoto();
    try (var browser = Browser.withoutCamera()) {
      var driver = browser.driver;
      AccountId farmer = openDiagnosisAsANewFarmer(browser);
      // The service worker claims the page once it has kept the page and its assets.
      browser.await(WAIT).until(d -> Boolean.TRUE.equals(driver.executeScript(
          "return navigator.serviceWorker.controller !== null")));

      var offline = new ChromiumNetworkConditions();
      offline.setOffline(true);
      driver.setNetworkConditions(offline);
      browser.await(WAIT).until(d -> Boolean.FALSE.equals(driver.executeScript("return navigator.onLine")));
      driver.findElement(By.id("photo")).sendKeys(photo.toString());
      click(browser, By.id("diagnose-button"));
      browser.await(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagnose-status"),
          "saved on this phone"));
      assertThat(diagnoses.history(farmer, 0, 10).getTotalElements()).isZero();

      driver.deleteNetworkConditions();
      browser.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#offline-list a")));
      assertThat(diagnoses.history(farmer, 0, 10).getTotalElements()).isEqualTo(1);
      click(browser, By.cssSelector("#offline-list a"));
      browser.await(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#top-five li"), 5));
      assertThat(driver.findElement(By.id("diagnosis-name")).getText()).isEqualTo("Cedar apple rust");
    } finally {
      Files.deleteIfExists(photo);
    }
  }

  /** Signs a new farmer in (see {@link #signIn}) and opens the diagnosis page; returns the farmer's account. */
  private AccountId openDiagnosisAsANewFarmer(Browser browser) {
    String phone = signIn(browser);
    AccountId farmer = directory.search(phone.substring(1), 0, 1).getContent().getFirst().id();
    browser.driver.get(url("/diagnosis"));
    return farmer;
  }

  /** Signs a new farmer in with a code sent to a new phone number, on a phone-sized window; returns the number. */
  private String signIn(Browser browser) {
    var driver = browser.driver;
    driver.manage().window().setSize(new Dimension(390, 844));
    String phone = "+9198" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    driver.get(url("/sign-in"));
    driver.findElement(By.id("sign-in-with-code")).click();
    browser.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("recipient"))).sendKeys(phone);
    driver.findElement(By.cssSelector("#code-request-form button")).click();
    browser.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
    driver.findElement(By.id("code")).sendKeys(DeliveryTestServers.codeIn(DeliveryTestServers.awaitSmsTo(phone)));
    driver.findElement(By.cssSelector("#code-verify-form button")).click();
    browser.await(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    return phone;
  }

  /** Clicks an element after scrolling it to the middle of the small screen (at once: Bootstrap scrolls smoothly). */
  private static void click(Browser browser, By locator) {
    var element = browser.await(WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    browser.await(WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** Nothing is wider than the phone's screen: no sideways scrolling. */
  private static void assertFitsThePhone(Browser browser) {
    Object width = browser.driver.executeScript("return document.documentElement.scrollWidth");
    Object viewport = browser.driver.executeScript("return window.innerWidth");
    assertThat(((Number) width).intValue()).isLessThanOrEqualTo(((Number) viewport).intValue());
  }

  private static Path leafPhoto() throws java.io.IOException {
    Path photo = Files.createTempFile("leaf", ".jpg");
    Files.write(photo, LeafPictures.withExif(LeafPictures.spottedLeaf(1200, 900), 1));
    return photo;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
