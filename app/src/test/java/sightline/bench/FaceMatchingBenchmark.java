package sightline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import sightline.SightlineApplication;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.FaceFixtures;
import sightline.biometrics.matching.TemplateIndex;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Verification and identification latency through the HTTP API (a benchmark, not a test): starts Sightline in this
 * JVM on an in-memory database, enrols one fixture face from three photos, fills the face index with random
 * 512-d templates up to each size (synthetic people: the scan costs the same as for real ones, but they never
 * match), and times {@code calls} sequential requests of each kind with a bearer token: POST
 * {@code /api/v1/biometrics/accounts/{id}/verify} (1:1) and POST {@code /api/v1/biometrics/identify} (1:N among
 * everyone), each a 640x480 JPEG that runs decode, detection, landmarks, embedding, liveness, the search and the
 * audit insert. Prints p50/p99 per size.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests test-compile exec:java -pl app -Dexec.classpathScope=test
 * -Dexec.mainClass=sightline.bench.FaceMatchingBenchmark -Dexec.args="[calls] [sizes...]"}.
 */
public final class FaceMatchingBenchmark {

  private static final String PASSWORD = "benchmark password, long enough";
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 100_000);
    }
    String database = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (var context = new SpringApplicationBuilder(SightlineApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--sightline.biometrics.template-key=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
        "--logging.level.root=WARN")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var directory = context.getBean(AccountDirectory.class);
      String email = "bench-admin-" + UUID.randomUUID() + "@example.org";
      AccountId admin = directory.create(new NewAccount(email, "Bench Admin", EnumSet.of(Role.ADMIN), null,
          PASSWORD)).id();
      AccountId ana = directory.create(new NewAccount("bench-ana-" + UUID.randomUUID() + "@example.org", "Ana",
          EnumSet.of(Role.STUDENT), null, PASSWORD)).id();
      context.getBean(FaceEnrolment.class).enrolPhotos(ana, FaceFixtures.POSES.subList(0, 3).stream()
          .map(pose -> FaceFixtures.jpeg(FaceFixtures.ANA, pose)).toList(), FaceEnrolment.CONSENT_VERSION, admin);
      var http = HttpClient.newHttpClient();
      String token = login(http, port, email);
      byte[] probe = FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(4));
      var index = context.getBean(TemplateIndex.class);
      var random = new Random(42);
      for (int size : sizes) {
        long start = System.nanoTime();
        while (index.size() < size) {
          float[] vector = new float[TemplateIndex.DIMENSIONS];
          for (int j = 0; j < vector.length; j++) {
            vector[j] = (float) random.nextGaussian();
          }
          index.replace(AccountId.random(), List.of(new TemplateIndex.Entry(UUID.randomUUID(), vector)));
        }
        System.out.printf("index: %,d templates (filled in %.1f s)%n", index.size(), (System.nanoTime() - start) / 1e9);
        URI verify = URI.create("http://localhost:" + port + "/api/v1/biometrics/accounts/" + ana + "/verify");
        URI identify = URI.create("http://localhost:" + port + "/api/v1/biometrics/identify");
        time(http, verify, token, probe, 10, false, size);
        time(http, verify, token, probe, calls, true, size);
        time(http, identify, token, probe, 10, false, size);
        time(http, identify, token, probe, calls, true, size);
      }
    }
  }

  private static String login(HttpClient http, int port, String email) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher matcher = TOKEN.matcher(response.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
    }
    return matcher.group(1);
  }

  private static void time(HttpClient http, URI uri, String token, byte[] jpeg, int calls, boolean report, int size)
      throws Exception {
    List<Double> millis = new ArrayList<>();
    String outcome = "";
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      var response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
          .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      millis.add((System.nanoTime() - start) / 1e6);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode() + " " + response.body());
      }
      outcome = response.body().replaceAll(".*\"outcome\":\"([A-Z_]+)\".*", "$1");
    }
    if (report) {
      Collections.sort(millis);
      System.out.printf("%s with %,d templates: %d calls, p50 %.1f ms, p99 %.1f ms, last outcome %s%n",
          uri.getPath().contains("verify") ? "verify (1:1)" : "identify (1:N)", size, calls,
          millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1), outcome);
    }
  }
}
