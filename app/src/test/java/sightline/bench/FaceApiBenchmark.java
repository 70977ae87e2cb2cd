package sightline.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import sightline.SightlineApplication;
import sightline.biometrics.TemplateCipher;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;

/**
 * Face API latency with many enrolled templates (a benchmark, not a test). Starts Sightline in this JVM on an
 * H2 database in a temporary folder (deleted at the end), signs an administrator in over HTTP, creates an application and an all-scopes key on the
 * admin page, and enrols one real subject through the API (the 640x480 frame below, mirrored). It then fills the
 * same application with synthetic templates up to N: random unit vectors sealed with the real {@link TemplateCipher}
 * and written to the database in JDBC batches (subject row plus template row, as the storage path writes them),
 * restarts the application so that the index is built by the real start-up load from the database, and measures
 * {@code POST /api/v1/faces/verify} (multipart, the frame against its mirror image) and
 * {@code POST /api/v1/faces/recognize} (raw image/jpeg body) over HTTP with 1 and 2 client threads. Every answer is
 * checked: verify must match, recognize must name the enrolled subject.
 *
 * <p>The frame is a real 640x480 crop of the face-api demo photo sample1 around one face. The key's rate limit is
 * raised so that the figures are Sightline's own cost.
 *
 * <p>Run: {@code ./sightline bench-faces [sizes] [threads] [seconds]}, defaults {@code 1000,100000 1,2 20}.
 */
public final class FaceApiBenchmark {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\">(sfa_[A-Za-z0-9_-]+)<");
  private static final String PASSWORD = "benchmark password, long enough";
  private static final String TEMPLATE_KEY = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

  private record Setup(UUID application, String key, byte[] frame, byte[] mirror) {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = parse(args.length > 0 ? args[0] : "1000,100000");
    List<Integer> threadCounts = parse(args.length > 1 ? args[1] : "1,2");
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    // An H2 file database in a temporary folder, not an in-memory one: it has to survive the restarts, and H2 2.4.240
    // breaks a CHECK constraint once the session that created it closes, until the database is opened again (a
    // kept-alive in-memory database is never reopened).
    Path folder = Files.createTempDirectory("sightline-bench-faces");
    String database = "jdbc:h2:file:" + folder.resolve("db")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    System.out.printf("face API benchmark: %d cores, max heap %d MB, sizes %s, threads %s, %d s per run%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, sizes, threadCounts,
        seconds);

    Setup setup;
    int templates;
    try (var context = start(database)) {
      setup = setUp(context);
      templates = 1;
    }
    List<String> report = new ArrayList<>();
    for (int size : sizes) {
      try (var context = start(database)) {
        fill(context, setup.application(), size - templates);
      }
      templates = Math.max(templates, size);
      long begin = System.nanoTime();
      try (var context = start(database)) {
        System.out.printf("N = %,d: restart with start-up index load took %.1f s%n", size,
            (System.nanoTime() - begin) / 1e9);
        int port = port(context);
        for (int threads : threadCounts) {
          report.add(measure("verify", size, threads, seconds, port, () -> verifyRequest(port, setup)));
          report.add(measure("recognize", size, threads, seconds, port, () -> recognizeRequest(port, setup)));
        }
      }
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    System.out.println();
    System.out.println("| endpoint | templates | client threads | requests | req/s | p50 ms | p99 ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    report.forEach(System.out::println);
  }

  private static ConfigurableApplicationContext start(String database) {
    return new SpringApplicationBuilder(SightlineApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--sightline.biometrics.template-key=" + TEMPLATE_KEY,
        "--sightline.rate-limits.face-api.capacity=100000000", "--sightline.rate-limits.face-api.period=1s",
        // Every client thread uses the one key: let each have a request in flight, as separate integrators would.
        "--sightline.workload.per-caller=64",
        "--logging.level.root=WARN", "--logging.level.sightline.faceapi=INFO");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Administrator, application and key through the admin page; one real subject through the API. */
  private static Setup setUp(ConfigurableApplicationContext context) throws Exception {
    int port = port(context);
    String base = "http://localhost:" + port;
    String email = "bench-" + UUID.randomUUID() + "@example.org";
    context.getBean(AccountDirectory.class).create(new NewAccount(email, "Bench admin", EnumSet.of(Role.ADMIN), null,
        PASSWORD));
    var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    post(browser, base + "/sign-in", csrf(browser, base + "/sign-in"), "email", email, "password", PASSWORD);
    var created = post(browser, base + "/admin/face-api", csrf(browser, base + "/admin/face-api"), "name",
        "Benchmark " + UUID.randomUUID());
    String location = created.headers().firstValue("Location").orElseThrow();
    UUID application = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    String page = base + "/admin/face-api/" + application;
    post(browser, page + "/keys", csrf(browser, page), "name", "bench", "scopes", "DETECT", "scopes", "VERIFY",
        "scopes", "RECOGNIZE", "scopes", "SUBJECTS_READ", "scopes", "SUBJECTS_WRITE");
    var key = NEW_KEY.matcher(get(browser, page));
    if (!key.find()) {
      throw new IllegalStateException("the admin page did not show the new key");
    }
    byte[] frame = frame(false);
    byte[] mirror = frame(true);
    var api = HttpClient.newHttpClient();
    var subject = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/faces/subjects"))
        .header("X-Api-Key", key.group(1)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Enrolled person\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    String subjectId = subject.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    var enrolled = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/faces/subjects/" + subjectId
        + "/images")).header("X-Api-Key", key.group(1)).header("Content-Type", "image/jpeg")
        .POST(HttpRequest.BodyPublishers.ofByteArray(mirror)).build(), HttpResponse.BodyHandlers.ofString());
    if (enrolled.statusCode() != 201) {
      throw new IllegalStateException("enrolment failed: " + enrolled.statusCode() + " " + enrolled.body());
    }
    return new Setup(application, key.group(1), frame, mirror);
  }

  /** Adds {@code count} synthetic subjects with one random unit-vector template each, sealed as the API seals them. */
  private static void fill(ConfigurableApplicationContext context, UUID application, int count) {
    if (count <= 0) {
      return;
    }
    long begin = System.nanoTime();
    var jdbc = context.getBean(JdbcTemplate.class);
    var cipher = context.getBean(TemplateCipher.class);
    var random = new SplittableRandom(count);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int done = 0; done < count; ) {
      int batch = Math.min(1_000, count - done);
      List<Object[]> subjects = new ArrayList<>(batch);
      List<Object[]> templates = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        UUID subject = UUID.randomUUID();
        float[] vector = new float[512];
        double norm = 0;
        for (int d = 0; d < vector.length; d++) {
          vector[d] = (float) gaussian(random);
          norm += vector[d] * vector[d];
        }
        for (int d = 0; d < vector.length; d++) {
          vector[d] /= (float) Math.sqrt(norm);
        }
        var sealed = cipher.seal(vector, "subject:" + subject);
        subjects.add(new Object[] {subject, application, "synthetic " + subject, now});
        templates.add(new Object[] {UUID.randomUUID(), subject, application, sealed.keyId(), sealed.bytes(), "JPEG",
            640, 480, 50_000, 100.0, 100.0, 300.0, 340.0, 0.99, now});
      }
      jdbc.batchUpdate("INSERT INTO biometrics.face_api_subject (id, application_id, name, created_at) "
          + "VALUES (?, ?, ?, ?)", subjects);
      jdbc.batchUpdate("INSERT INTO biometrics.face_api_template (id, subject_id, application_id, cipher_key_id, "
          + "sealed, image_format, image_width, image_height, image_bytes, face_left, face_top, face_right, "
          + "face_bottom, detector_score, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", templates);
      done += batch;
    }
    System.out.printf("inserted %,d synthetic templates in %.1f s%n", count, (System.nanoTime() - begin) / 1e9);
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble(Double.MIN_VALUE, 1);
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A real 640x480 JPEG around the first face of sample1 (no other face in it), optionally mirrored. */
  private static byte[] frame(boolean mirrored) throws Exception {
    Image photo = ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample1"));
    BufferedImage crop = photo.toBufferedImage().getSubimage(180, 236, 640, 480);
    Image frame = Image.fromBufferedImage(crop);
    if (mirrored) {
      frame = frame.mirrored();
    }
    var out = new ByteArrayOutputStream();
    ImageIO.write(frame.toBufferedImage(), "jpg", out);
    return out.toByteArray();
  }

  private static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static boolean verifyRequest(int port, Setup setup) {
    String boundary = "bench" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    part(body, boundary, "source", setup.frame());
    part(body, boundary, "target", setup.mirror());
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    String answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/faces/verify"))
        .header("X-Api-Key", setup.key()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    return answer.contains("\"match\":true");
  }

  private static boolean recognizeRequest(int port, Setup setup) {
    String answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/faces/recognize"))
        .header("X-Api-Key", setup.key()).header("Content-Type", "image/jpeg")
        .POST(HttpRequest.BodyPublishers.ofByteArray(setup.frame())).build());
    return answer.contains("\"name\":\"Enrolled person\"");
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, byte[] image) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
        + name + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(image);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String send(HttpRequest request) {
    try {
      var response = API.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String measure(String endpoint, int size, int threads, int seconds, int port,
      Supplier<Boolean> call) throws Exception {
    for (int i = 0; i < 10; i++) {
      call.get(); // warm-up: JIT, connections
    }
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        int wrong = 0;
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          boolean right = call.get();
          latencies.add(System.nanoTime() - start);
          wrong += right ? 0 : 1;
        }
        return wrong;
      }));
    }
    int wrong = 0;
    for (var worker : workers) {
      wrong += worker.get();
    }
    pool.shutdown();
    if (wrong > 0) {
      throw new IllegalStateException(endpoint + ": " + wrong + " answers did not find the enrolled person");
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    String row = String.format("| %s | %,d | %d | %d | %.1f | %.1f | %.1f |", endpoint, size, threads, sorted.size(),
        sorted.size() / (double) seconds, percentile(sorted, 50), percentile(sorted, 99));
    System.out.println(row);
    return row;
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  private static List<Integer> parse(String list) {
    return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
  }

  private static HttpResponse<String> post(HttpClient client, String url, String csrf, String... fields)
      throws Exception {
    var body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    var response = client.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 302) {
      throw new IllegalStateException("POST " + url + " answered " + response.statusCode());
    }
    return response;
  }

  private static String get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String csrf(HttpClient client, String url) throws Exception {
    var token = CSRF.matcher(get(client, url));
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token on " + url);
    }
    return token.group(1);
  }
}
