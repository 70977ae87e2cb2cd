package sightline.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import sightline.SightlineApplication;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.biometrics.matching.TemplateIndex;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Place;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;

/**
 * Student check-in latency through the HTTP API under a class's arrival (a benchmark, not a test): starts Sightline in
 * this JVM on an in-memory database, enrols {@code students} students in one course whose session is open now, and
 * has each arrive at a random moment within {@code minutes} and run the real path a phone runs: start a liveness
 * session (CHECK_IN) with the student's bearer token, send camera frames one at a time (150 ms after each answer, as
 * {@code face-stream.js} does) until the session passes, then {@code POST /api/v1/attendance/sessions/{id}/check-ins}
 * with a position inside the place, which consumes the session and verifies the face 1:1. Prints p50/p90/p99 of the
 * check-in call and of the whole flow, the frames analysed, the outcomes and the CPU load.
 *
 * <p>Faces: the frames are the liveness tests' synthetic frames of one fixture photo (neutral, then a painted blink;
 * sessions ask for the blink alone, as the real-clip browser tests do), which pass the shipped passive-liveness
 * threshold. Each student's template is that face's embedding plus independent noise (cosine about 0.9 to it, well
 * above the 0.34 match threshold and distinct from every other student's), put straight into the face index as
 * {@code FaceMatchingBenchmark} does: the verification costs what it costs for real people. Creating the accounts and
 * logging in is setup, not timed (with a cheap Argon2 setting). Liveness limits per address are raised because
 * every student calls from 127.0.0.1.
 *
 * <p>Run: {@code ./sightline bench-checkin [students] [minutes]} (defaults 500 and 5; {@code 50 1} is a quick run).
 */
public final class CheckInBenchmark {

  private static final String PASSWORD = "benchmark password, long enough";
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Place PLACE = new Place(12.9716, 77.5946, 100);
  /** The frames a phone sends while the student blinks once: open, open, open, closed, closed, open, then open. */
  private static final int[] BLINK_SEQUENCE = {0, 0, 0, 1, 1, 0, 0, 0, 0, 0};

  public static void main(String[] args) throws Exception {
    int students = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    String database = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (var context = new SpringApplicationBuilder(SightlineApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--sightline.biometrics.template-key=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
        "--sightline.biometrics.liveness.fixed-challenges=BLINK",
        "--sightline.biometrics.liveness.starts-per-minute=100000",
        "--sightline.biometrics.liveness.address-failure-ceiling=100000",
        "--sightline.rate-limits.sign-in.capacity=100000", "--sightline.rate-limits.sign-in.period=1m",
        // Setup, not measured: 500 accounts and logins with the production Argon2 cost take minutes on 2 cores.
        "--sightline.identity.argon2.memory-kib=1024", "--sightline.identity.argon2.iterations=1",
        "--logging.level.root=WARN")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var directory = context.getBean(AccountDirectory.class);
      var courses = context.getBean(CoursesService.class);
      var faces = context.getBean(FaceEngine.class);
      var index = context.getBean(TemplateIndex.class);

      SyntheticLivenessFrames synthetic = SyntheticLivenessFrames.sample3(faces);
      byte[][] frames = {SyntheticLivenessFrames.jpeg(synthetic.neutral()),
          SyntheticLivenessFrames.jpeg(synthetic.closedEyes())};
      DetectedFace face = faces.analyze(Image.fromBufferedImage(synthetic.neutral()),
          Set.of(FaceAttribute.LANDMARKS, FaceAttribute.EMBEDDING)).getFirst();
      float[] base = face.embedding().vector();

      AccountId teacher = directory.create(new NewAccount("bench-teacher-" + UUID.randomUUID() + "@example.org",
          "Bench Teacher", EnumSet.of(Role.TEACHER), null, PASSWORD)).id();
      CourseView course = courses.create(new CourseSettings("BENCH-" + UUID.randomUUID().toString().substring(0, 6),
          "Benchmark", "", 10, 0), teacher);
      List<String> emails = new ArrayList<>();
      List<AccountId> ids = new ArrayList<>();
      var random = new Random(42);
      for (int i = 0; i < students; i++) {
        String email = "bench-student-" + i + "-" + UUID.randomUUID() + "@example.org";
        AccountId student = directory.create(new NewAccount(email, "Student " + i, EnumSet.of(Role.STUDENT), null,
            PASSWORD)).id();
        index.replace(student, List.of(new TemplateIndex.Entry(UUID.randomUUID(), noisy(base, random))));
        emails.add(email);
        ids.add(student);
      }
      courses.enrolAll(course.id(), ids, EnrolmentSource.IMPORT, teacher);
      Instant now = Instant.now();
      ClassSessionView session = courses.schedule(course.id(), new SessionPlan("Benchmark session", "",
          now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(3)), PLACE), null, ZoneOffset.UTC, teacher)
          .getFirst();

      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String baseUrl = "http://localhost:" + port;
      long setupStart = System.nanoTime();
      List<String> tokens = new ArrayList<>(Collections.nCopies(students, ""));
      try (var pool = Executors.newFixedThreadPool(2)) {
        List<Future<?>> logins = new ArrayList<>();
        for (int i = 0; i < students; i++) {
          int student = i;
          logins.add(pool.submit(() -> {
            tokens.set(student, login(http, baseUrl, emails.get(student)));
            return null;
          }));
        }
        for (var login : logins) {
          login.get();
        }
      }
      System.out.printf(Locale.ROOT, "setup: %d students enrolled with templates, logged in (%.0f s)%n", students,
          (System.nanoTime() - setupStart) / 1e9);

      // Warm-up: a few check-ins outside the figures (JIT, connection pools, ONNX sessions), in a course of their own.
      run(http, baseUrl, warmUpSession(directory, courses, index, base, random, http, baseUrl), frames, 3, 0.1);

      var load = new LoadSampler();
      load.start();
      Result result = run(http, baseUrl, new Target(session, tokens), frames, students, minutes);
      load.stop();
      result.print(students, minutes, load);
    }
  }

  /** The class a run checks into: its session and one bearer token per student. */
  record Target(ClassSessionView session, List<String> tokens) {}

  private static Target warmUpSession(AccountDirectory directory, CoursesService courses, TemplateIndex index,
      float[] base, Random random, HttpClient http, String url) throws Exception {
    AccountId teacher = directory.create(new NewAccount("warm-teacher-" + UUID.randomUUID() + "@example.org",
        "Warm Teacher", EnumSet.of(Role.TEACHER), null, PASSWORD)).id();
    CourseView course = courses.create(new CourseSettings("WARM-" + UUID.randomUUID().toString().substring(0, 6),
        "Warm-up", "", 10, 0), teacher);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String email = "warm-" + i + "-" + UUID.randomUUID() + "@example.org";
      AccountId student = directory.create(new NewAccount(email, "Warm " + i, EnumSet.of(Role.STUDENT), null,
          PASSWORD)).id();
      index.replace(student, List.of(new TemplateIndex.Entry(UUID.randomUUID(), noisy(base, random))));
      courses.enrol(course.id(), student, EnrolmentSource.IMPORT, teacher);
      tokens.add(login(http, url, email));
    }
    Instant now = Instant.now();
    return new Target(courses.schedule(course.id(), new SessionPlan("Warm-up", "", now.minus(Duration.ofMinutes(1)),
        now.plus(Duration.ofHours(3)), PLACE), null, ZoneOffset.UTC, teacher).getFirst(), tokens);
  }

  /** Every student of {@code target} arrives at a random moment within {@code minutes} and checks in. */
  private static Result run(HttpClient http, String url, Target target, byte[][] frames, int students,
      double minutes) throws Exception {
    var arrivals = new Random(7);
    long span = (long) (minutes * 60_000);
    long[] at = new long[students];
    for (int i = 0; i < students; i++) {
      at[i] = (long) (arrivals.nextDouble() * span);
    }
    var result = new Result();
    long start = System.nanoTime();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < students; i++) {
        int student = i;
        pool.submit(() -> {
          try {
            Thread.sleep(at[student]);
            checkIn(http, url, target.session(), target.tokens().get(student), frames, result);
          } catch (Exception e) {
            result.outcomes.merge("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
          }
          return null;
        });
      }
    }
    result.wallSeconds = (System.nanoTime() - start) / 1e9;
    return result;
  }

  /** One student's phone: liveness session, frames until it ends, then the check-in. */
  private static void checkIn(HttpClient http, String url, ClassSessionView session, String token, byte[][] frames,
      Result result) throws Exception {
    long flowStart = System.nanoTime();
    String started = send(http, HttpRequest.newBuilder(URI.create(url + "/api/v1/liveness/sessions"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"purpose\":\"CHECK_IN\"}")), 201, result);
    String id = group(ID, started);
    String nonce = group(NONCE, started);
    String state = "RUNNING";
    for (int f = 0; "RUNNING".equals(state); f++) {
      if (f >= 60) {
        throw new IllegalStateException("the liveness session did not end after 60 frames");
      }
      byte[] frame = frames[BLINK_SEQUENCE[Math.min(f, BLINK_SEQUENCE.length - 1)]];
      long frameStart = System.nanoTime();
      String answer = send(http, HttpRequest.newBuilder(URI.create(url + "/api/v1/liveness/sessions/" + id + "/frames"))
          .header("Authorization", "Bearer " + token).header("X-Liveness-Nonce", nonce)
          .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(frame)), 200, result);
      result.frameMillis.add((System.nanoTime() - frameStart) / 1e6);
      state = group(STATE, answer);
      if ("RUNNING".equals(state)) {
        Thread.sleep(150);
      }
    }
    String body = "{\"livenessSessionId\":\"" + id + "\",\"latitude\":" + (PLACE.latitude() + 0.0002)
        + ",\"longitude\":" + PLACE.longitude() + ",\"accuracyMetres\":15,\"deviceId\":\"" + UUID.randomUUID() + "\"}";
    long checkInStart = System.nanoTime();
    var response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/attendance/sessions/" + session.id()
            + "/check-ins")).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    long end = System.nanoTime();
    result.checkInMillis.add((end - checkInStart) / 1e6);
    result.flowMillis.add((end - flowStart) / 1e6);
    Matcher outcome = OUTCOME.matcher(response.body());
    String key = response.statusCode() == 201 ? "ACCEPTED (" + state + ")"
        : response.statusCode() + " " + (outcome.find() ? outcome.group(1) : response.body());
    result.outcomes.merge(key, 1, Integer::sum);
  }

  /**
   * Sends a request, waiting and resending while the server is busy (503 server-busy or 429 one-at-a-time, as
   * {@code face-stream.js} does); answers the body of the expected status.
   */
  private static String send(HttpClient http, HttpRequest.Builder request, int expected, Result result)
      throws Exception {
    for (int attempt = 0; ; attempt++) {
      var response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == expected) {
        return response.body();
      }
      boolean busy = response.statusCode() == 503 || response.body().contains("one-at-a-time");
      if (!busy || attempt >= 20) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      result.busy.incrementAndGet();
      long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
      Thread.sleep(Math.max(200, wait * 1000));
    }
  }

  private static String group(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in " + body);
    }
    return matcher.group(1);
  }

  private static String login(HttpClient http, String url, String email) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return group(TOKEN, response.body());
  }

  /** The face's embedding plus Gaussian noise, normalised: about 0.9 cosine to it, another person's template. */
  private static float[] noisy(float[] base, Random random) {
    float[] vector = new float[base.length];
    double norm = 0;
    for (int i = 0; i < base.length; i++) {
      vector[i] = (float) (base[i] + random.nextGaussian() * 0.02);
      norm += vector[i] * vector[i];
    }
    for (int i = 0; i < vector.length; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  /** Latencies and outcomes of one run, written by many threads. */
  private static final class Result {
    final List<Double> checkInMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Double> flowMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Double> frameMillis = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    final AtomicInteger busy = new AtomicInteger();
    double wallSeconds;

    void print(int students, double minutes, LoadSampler load) {
      System.out.printf(Locale.ROOT, "check-in benchmark: %d students arriving at random within %.1f min on %d cores"
          + " (finished after %.0f s)%n", students, minutes, Runtime.getRuntime().availableProcessors(), wallSeconds);
      System.out.printf(Locale.ROOT, "  outcomes: %s%n", new TreeMap<>(outcomes));
      System.out.printf(Locale.ROOT, "  check-in POST: %s%n", percentiles(checkInMillis));
      System.out.printf(Locale.ROOT, "  whole flow (start liveness, frames, check-in): %s%n", percentiles(flowMillis));
      System.out.printf(Locale.ROOT, "  frames analysed: %d (%.1f per student, %.1f per second), per frame %s; "
          + "busy answers resent: %d%n", frameMillis.size(), frameMillis.size() / (double) students,
          frameMillis.size() / wallSeconds, percentiles(frameMillis), busy.get());
      System.out.printf(Locale.ROOT, "  CPU: machine mean %.0f%%, max %.0f%%; this JVM mean %.0f%% of all cores; "
          + "load average at the end %.2f%n", load.machineMean() * 100, load.machineMax * 100,
          load.processMean() * 100, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String percentiles(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return "none";
    }
    return String.format(Locale.ROOT, "n %d, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms", sorted.size(),
        at(sorted, 50), at(sorted, 90), at(sorted, 99), sorted.getLast());
  }

  private static double at(List<Double> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** Samples the machine's and this JVM's CPU load once a second. */
  private static final class LoadSampler {
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<Double> machine = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> process = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private Thread thread;
    double machineMax;

    void start() {
      thread = Thread.ofPlatform().daemon().start(() -> {
        while (running) {
          double m = os.getCpuLoad();
          double p = os.getProcessCpuLoad();
          if (m >= 0) {
            machine.add(m);
            machineMax = Math.max(machineMax, m);
          }
          if (p >= 0) {
            process.add(p);
          }
          try {
            Thread.sleep(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    double machineMean() {
      return machine.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    double processMean() {
      return process.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
  }
}
