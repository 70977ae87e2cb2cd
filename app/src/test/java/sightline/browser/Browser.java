package sightline.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with a fake camera that plays a Y4M file. Nothing is
 * downloaded: when the browser is missing the test is skipped with the reason, or fails when
 * {@code SIGHTLINE_REQUIRE_BROWSER=1} (CI sets it).
 */
final class Browser implements AutoCloseable {

  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips (or, where the browser is required, fails) the calling test when Chromium or its driver is missing. */
  static void assumeInstalled() {
    if (find(CHROMIUM).isPresent() && find(DRIVER).isPresent()) {
      return;
    }
    String reason = "Browser tests need Debian's chromium and chromium-driver packages "
        + "(apt-get install chromium chromium-driver); they were not found.";
    if ("1".equals(System.getenv("SIGHTLINE_REQUIRE_BROWSER"))) {
      fail(reason + " SIGHTLINE_REQUIRE_BROWSER=1 makes this a failure.");
    }
    Assumptions.abort(reason);
  }

  /** Starts headless Chromium whose camera plays {@code video} in a loop. */
  static Browser withFakeCamera(Path video) throws IOException {
    return start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
  }

  /** Starts headless Chromium without a camera. */
  static Browser withoutCamera() throws IOException {
    return start();
  }

  private static Browser start(String... extraArguments) throws IOException {
    assumeInstalled();
    Path profile = Files.createTempDirectory("sightline-chromium");
    var options = new ChromeOptions();
    options.setBinary(find(CHROMIUM).orElseThrow());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(find(DRIVER).orElseThrow()))
        .usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  WebDriverWait await(Duration timeout) {
    // A condition that reads an element while the page navigates sees it go stale; that is "not yet", not a failure.
    var wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Signs in through the sign-in form and waits until the layout names the person. */
  void signIn(String baseUrl, String email, String password, String displayName) {
    driver.get(baseUrl + "/sign-in");
    driver.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    driver.findElement(org.openqa.selenium.By.cssSelector("#sign-in-form button")).click();
    await(Duration.ofSeconds(30)).until(org.openqa.selenium.support.ui.ExpectedConditions
        .attributeToBe(org.openqa.selenium.By.id("signed-in-as"), "textContent", displayName));
  }

  /** Saves a PNG screenshot under {@code target/browser/} and returns its path. */
  Path screenshot(String name) throws IOException {
    Path target = Path.of("target", "browser", name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    return target;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Optional<String> find(List<String> candidates) {
    return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
  }
}
