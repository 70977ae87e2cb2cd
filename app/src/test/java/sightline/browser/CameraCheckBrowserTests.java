package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.vision.model.ModelStore;

/** A real browser opens the camera check page; the fake camera plays a fixture photo; the page shows that photo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CameraCheckBrowserTests {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final int GRID_X = 8;
  private static final int GRID_Y = 6;

  // Mean luma of each cell of an 8x6 grid over the current video frame, drawn at its own size.
  private static final String GRID_LUMA = """
      const video = document.getElementById('camera-video');
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth; canvas.height = video.videoHeight;
      const context = canvas.getContext('2d');
      context.drawImage(video, 0, 0);
      const d = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const gx = arguments[0], gy = arguments[1], cw = canvas.width / gx, ch = canvas.height / gy;
      const cells = [];
      for (let j = 0; j < gy; j++) for (let i = 0; i < gx; i++) {
        let sum = 0, n = 0;
        for (let y = Math.floor(j * ch); y < Math.floor((j + 1) * ch); y++)
          for (let x = Math.floor(i * cw); x < Math.floor((i + 1) * cw); x++) {
            const p = (y * canvas.width + x) * 4;
            sum += 0.299 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2]; n++;
          }
        cells.push(sum / n);
      }
      return cells;
      """;

  @TempDir
  static Path temp;

  static BufferedImage fixture;
  static Path video;
  static Path letterboxedVideo;

  @LocalServerPort
  int port;

  @BeforeAll
  static void writeFakeCameraVideo() throws Exception {
    Browser.assumeInstalled();
    BufferedImage photo = ImageIO.read(ModelStore.atDefaultLocation().verifiedPath("sample2").toFile());
    fixture = FakeCameraVideo.frameOf(photo, WIDTH, HEIGHT);
    video = temp.resolve("camera.y4m");
    FakeCameraVideo.write(fixture, 30, video);
    letterboxedVideo = temp.resolve("letterboxed.y4m");
    FakeCameraVideo.write(letterboxed(fixture), 30, letterboxedVideo);
  }

  @Test
  void blackBarsAroundAWellLitFaceDoNotMakeItTooDark() throws Exception {
    assertThat(meanLuma(fixture)).as("the fixture itself is well lit").isBetween(70.0, 190.0);
    assertThat(meanLuma(letterboxed(fixture))).as("the whole letterboxed frame reads as dark").isLessThan(45);
    try (var browser = Browser.withFakeCamera(letterboxedVideo)) {
      browser.driver.get("http://localhost:" + port + "/camera");
      browser.await(Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("camera-light")).getText().equals("–"));
      assertThat(browser.driver.findElement(By.id("camera-light")).getText()).isEqualTo("Good");
    }
  }

  /** The frame shrunk to half its size in the middle of black bars on all four sides, as virtual cameras do. */
  private static BufferedImage letterboxed(BufferedImage frame) {
    var out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.drawImage(frame, frame.getWidth() / 4, frame.getHeight() / 4, frame.getWidth() / 2, frame.getHeight() / 2, null);
    g.dispose();
    return out;
  }

  private static double meanLuma(BufferedImage image) {
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
      }
    }
    return sum / image.getWidth() / image.getHeight();
  }

  @Test
  void cameraCheckShowsTheFramesTheCameraDelivers() throws Exception {
    try (var browser = Browser.withFakeCamera(video)) {
      browser.driver.get("http://localhost:" + port + "/camera");
      browser.await(Duration.ofSeconds(20)).until(d -> "on".equals(
          d.findElement(By.tagName("body")).getDomAttribute("data-camera-state")));
      assertThat(browser.driver.findElement(By.id("camera-resolution")).getText()).isEqualTo("640 × 480");
      assertThat(browser.driver.findElement(By.id("camera-status")).getText()).isEqualTo("The camera works.");

      @SuppressWarnings("unchecked")
      List<Number> seen = (List<Number>) browser.driver.executeScript(GRID_LUMA, GRID_X, GRID_Y);
      double[] expected = gridLuma(fixture);
      assertThat(seen).hasSize(expected.length);
      double meanAbsoluteDifference = 0;
      for (int i = 0; i < expected.length; i++) {
        meanAbsoluteDifference += Math.abs(seen.get(i).doubleValue() - expected[i]) / expected.length;
      }
      assertThat(meanAbsoluteDifference).as("mean luma difference per grid cell").isLessThan(8);
      assertThat(correlation(seen.stream().mapToDouble(Number::doubleValue).toArray(), expected))
          .as("correlation of grid luma with the fixture").isGreaterThan(0.98);

      browser.await(Duration.ofSeconds(5)).until(d ->
          !d.findElement(By.id("camera-light")).getText().equals("–"));
      assertThat(browser.screenshot("camera-check")).exists();
    }
  }

  private static double[] gridLuma(BufferedImage image) {
    double[] cells = new double[GRID_X * GRID_Y];
    double cw = (double) image.getWidth() / GRID_X;
    double ch = (double) image.getHeight() / GRID_Y;
    for (int j = 0; j < GRID_Y; j++) {
      for (int i = 0; i < GRID_X; i++) {
        double sum = 0;
        int n = 0;
        for (int y = (int) Math.floor(j * ch); y < (int) Math.floor((j + 1) * ch); y++) {
          for (int x = (int) Math.floor(i * cw); x < (int) Math.floor((i + 1) * cw); x++) {
            int rgb = image.getRGB(x, y);
            sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            n++;
          }
        }
        cells[j * GRID_X + i] = sum / n;
      }
    }
    return cells;
  }

  private static double correlation(double[] a, double[] b) {
    double meanA = java.util.Arrays.stream(a).average().orElseThrow();
    double meanB = java.util.Arrays.stream(b).average().orElseThrow();
    double cov = 0;
    double varA = 0;
    double varB = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - meanA) * (b[i] - meanB);
      varA += (a[i] - meanA) * (a[i] - meanA);
      varB += (b[i] - meanB) * (b[i] - meanB);
    }
    return cov / Math.sqrt(varA * varB);
  }
}
