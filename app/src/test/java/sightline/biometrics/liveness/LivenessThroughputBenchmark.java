package sightline.biometrics.liveness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.biometrics.FaceEngine;

/**
 * How many frames per second a liveness session sustains through the HTTP API on this machine: one client sending
 * one 640x480 JPEG at a time (as {@code face-stream.js} does, without its pause), then two and four sessions at
 * once. Prints figures, asserts nothing. Run with
 * {@code ./mvnw -pl app test -Dtest=LivenessThroughputBenchmark -Dsightline.bench=true}.
 */
@LivenessTestApplication
@EnabledIfSystemProperty(named = "sightline.bench", matches = "true")
class LivenessThroughputBenchmark {

  @LocalServerPort
  int port;

  @Autowired
  FaceEngine faces;

  @Test
  void framesPerSecondOfOneAndSeveralSessions() throws Exception {
    byte[] frame = SyntheticLivenessFrames.jpeg(SyntheticLivenessFrames.sample3(faces).neutral());
    System.out.printf(Locale.ROOT, "liveness benchmark: frame %d bytes, %d cores%n", frame.length,
        Runtime.getRuntime().availableProcessors());
    run(frame, 1, 20);   // warm-up
    for (int clients : new int[] {1, 2, 4}) {
      double[] millis = run(frame, clients, 60);
      Arrays.sort(millis);
      double seconds = Arrays.stream(millis).sum() / 1000 / clients;
      System.out.printf(Locale.ROOT, "liveness benchmark: %d session(s) at once: %.1f frames/s in all, %.1f per session;"
          + " per frame p50 %.0f ms, p99 %.0f ms%n", clients, millis.length / seconds,
          millis.length / seconds / clients, millis[millis.length / 2], millis[(int) (millis.length * 0.99)]);
    }
  }

  /** {@code clients} sessions in parallel, each sending {@code frames} frames one after another; per-frame times. */
  private double[] run(byte[] frame, int clients, int frames) throws Exception {
    try (var pool = Executors.newFixedThreadPool(clients)) {
      List<Future<double[]>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        results.add(pool.submit(() -> {
          var client = new LivenessApiClient(port);
          UUID id = UUID.fromString(client.start(null).json().get("id").asString());
          double[] times = new double[frames];
          for (int i = 0; i < frames; i++) {
            long start = System.nanoTime();
            var answer = client.frame(id, frame, null);
            times[i] = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200) {
              throw new IllegalStateException("frame refused: " + answer.response().body());
            }
            if (!answer.json().get("state").asString().equals("RUNNING")) {
              // A still frame times the blink challenge out (10 s here); an ended session answers without analysis.
              id = UUID.fromString(client.start(null).json().get("id").asString());
              i--;
            }
          }
          return times;
        }));
      }
      List<Double> all = new ArrayList<>();
      for (var result : results) {
        for (double t : result.get()) all.add(t);
      }
      return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
