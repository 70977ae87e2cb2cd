package sightline.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import sightline.SightlineApplication;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Sign-in throughput and latency under concurrent load (a benchmark, not a test): starts Sightline in this JVM on
 * an in-memory database with the production Argon2 parameters, creates accounts, and has {@code threads} browsers
 * sign in over HTTP (GET the form for its CSRF token, POST e-mail and password) for {@code seconds}. The
 * per-account rate limit is raised so that the figure is Sightline's own cost, not the limiter's. Prints requests
 * per second and p50/p90/p99 of the POST.
 *
 * <p>Run: {@code ./sightline bench-signin [threads] [seconds]}.
 */
public final class SignInBenchmark {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String PASSWORD = "benchmark password, long enough";

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String database = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (var context = new SpringApplicationBuilder(SightlineApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--sightline.rate-limits.sign-in.capacity=1000000", "--sightline.rate-limits.sign-in.period=1s",
        "--logging.level.root=WARN")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var directory = context.getBean(AccountDirectory.class);
      List<String> emails = new ArrayList<>();
      for (int i = 0; i < threads * 4; i++) {
        String email = "bench-" + i + "-" + UUID.randomUUID() + "@example.org";
        directory.create(new NewAccount(email, "Bench " + i, EnumSet.of(Role.STUDENT), null, PASSWORD));
        emails.add(email);
      }
      run(port, emails, threads, 5, false); // warm-up: JIT, connection pools, Argon2 memory
      run(port, emails, threads, seconds, true);
    }
  }

  private static void run(int port, List<String> emails, int threads, int seconds, boolean report)
      throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      workers.add(pool.submit(() -> {
        int failures = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
          var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER).build();
          String form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
              .build(), HttpResponse.BodyHandlers.ofString()).body();
          var csrf = CSRF.matcher(form);
          if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
          }
          String email = emails.get((worker * 4 + i) % emails.size());
          String body = "email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
              + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
          long start = System.nanoTime();
          var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
          latencies.add(System.nanoTime() - start);
          String location = response.headers().firstValue("Location").orElse("");
          if (response.statusCode() != 302 || location.contains("error")) {
            failures++;
          }
        }
        return failures;
      }));
    }
    int failures = 0;
    for (var worker : workers) {
      failures += worker.get();
    }
    pool.shutdown();
    if (report) {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf("sign-in (form POST, Argon2id m=19456 KiB t=2 p=1) with %d threads for %d s on %d cores%n",
          threads, seconds, Runtime.getRuntime().availableProcessors());
      System.out.printf("  %d sign-ins, %d failed, %.1f per second%n", sorted.size(), failures,
          sorted.size() / (double) seconds);
      System.out.printf("  latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", percentile(sorted, 50),
          percentile(sorted, 90), percentile(sorted, 99));
    }
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
