package sightline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import sightline.SightlineApplication;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.engagement.EngagementStomp;
import sightline.engagement.RecordedFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Live engagement under load (a benchmark, not a test): starts Sightline in this JVM on an in-memory database,
 * signs in N students of one online class and a teacher, and has every student stream recorded camera frames (the
 * focus-blink mahie clip and the Intel head-pose clips, as JPEG in Base64 like the student's page) over the real
 * WebSocket, one frame in flight each, at the interval the server asks for (1 s unless it is busy). The teacher's
 * subscription to the dashboard topic times each frame from its sending to its update's arrival. For each N it
 * prints frames per second analysed, frames dropped, the interval the server asked for, p50/p99 frame-to-dashboard
 * latency, the JVM's CPU (server and load generator together, of all cores) and the analysis threads' CPU per frame.
 *
 * <p>Run: {@code ./sightline bench-engagement [sizes, default 25,50,100,200] [seconds per size, default 30]}.
 */
public final class EngagementBenchmark {

  private static final String PASSWORD = "benchmark password, long enough";

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = (args.length > 0 ? List.of(args[0].split(",")) : List.of("25", "50", "100", "200"))
        .stream().map(Integer::parseInt).toList();
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int most = Collections.max(sizes);
    String database = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    List<String> frames = frames();
    try (var context = new SpringApplicationBuilder(SightlineApplication.class).run("--server.port=0",
        "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--sightline.rate-limits.sign-in.capacity=1000000", "--sightline.rate-limits.sign-in.period=1s",
        "--logging.level.root=WARN")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var directory = context.getBean(AccountDirectory.class);
      var courses = context.getBean(CoursesService.class);
      AccountView teacher = account(directory, "teacher", Role.TEACHER);
      CourseView course = courses.create(new CourseSettings("BENCH", "Engagement benchmark", "", 10, 0),
          teacher.id());
      List<AccountView> students = new ArrayList<>();
      for (int i = 0; i < most; i++) {
        AccountView student = account(directory, "student-" + i, Role.STUDENT);
        courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
        students.add(student);
      }
      Instant now = Instant.now();
      ClassSessionView session = courses.schedule(course.id(), new SessionPlan("Load", "", now.minusSeconds(60),
          now.plus(Duration.ofHours(3)), null), null, ZoneOffset.UTC, teacher.id()).getFirst();
      List<String> cookies = new ArrayList<>();
      for (AccountView student : students) {
        cookies.add(EngagementStomp.signIn(port, student.email(), PASSWORD));
      }
      String teacherCookie = EngagementStomp.signIn(port, teacher.email(), PASSWORD);
      System.out.printf("engagement load: %d cores, %s per size, frames %d (mahie + Intel clips), %s%n",
          Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(seconds), frames.size(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + " load average at start");
      System.out.println("| students | frames/s analysed | dropped | interval asked (ms, mean) | p50 ms | p99 ms |"
          + " JVM CPU (% of all cores) | analysis CPU ms/frame |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (int size : sizes) {
        run(port, session, teacherCookie, cookies.subList(0, size), students.subList(0, size), frames, seconds);
      }
    }
  }

  private static void run(int port, ClassSessionView session, String teacherCookie, List<String> cookies,
      List<AccountView> students, List<String> frames, int seconds) throws Exception {
    var client = EngagementStomp.newClient();
    Map<String, AtomicLong> sentAt = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger analysed = new AtomicInteger();
    AtomicInteger dropped = new AtomicInteger();
    AtomicLong intervals = new AtomicLong();
    AtomicInteger replies = new AtomicInteger();
    var measuring = new java.util.concurrent.atomic.AtomicBoolean();
    UUID sessionId = session.id().value();
    var teacher = EngagementStomp.connect(client, port, teacherCookie);
    teacher.subscribe("/topic/engagement/sessions/" + sessionId, update -> {
      AtomicLong sent = sentAt.get((String) update.get("student"));
      long at = sent == null ? 0 : sent.getAndSet(0);
      if (at != 0 && measuring.get()) {
        latencies.add(System.nanoTime() - at);
      }
    });
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    List<EngagementStomp> streams = new ArrayList<>();
    for (int i = 0; i < students.size(); i++) {
      String student = students.get(i).id().value().toString();
      var stream = EngagementStomp.connect(client, port, cookies.get(i));
      var inFlight = new java.util.concurrent.atomic.AtomicBoolean();
      var interval = new AtomicLong(1000);
      var next = new AtomicInteger(ThreadLocalRandom.current().nextInt(frames.size()));
      sentAt.put(student, new AtomicLong());
      stream.subscribe("/user/queue/engagement", reply -> {
        interval.set(((Number) reply.get("intervalMillis")).longValue());
        inFlight.set(false);
        if (measuring.get()) {
          replies.incrementAndGet();
          intervals.addAndGet(interval.get());
          if (Boolean.TRUE.equals(reply.get("dropped"))) {
            dropped.incrementAndGet();
          } else if (reply.get("state") != null) {
            analysed.incrementAndGet();
          }
        }
      });
      streams.add(stream);
      Runnable send = new Runnable() {
        @Override
        public void run() {
          // One frame in flight, as the page does: a slow answer makes the student skip, not pile up.
          if (stream.isConnected() && inFlight.compareAndSet(false, true)) {
            sentAt.get(student).set(System.nanoTime());
            stream.sendEncoded(sessionId, frames.get(next.getAndIncrement() % frames.size()));
          }
          clock.schedule(this, interval.get(), TimeUnit.MILLISECONDS);
        }
      };
      clock.schedule(send, ThreadLocalRandom.current().nextLong(1000), TimeUnit.MILLISECONDS);
    }
    Thread.sleep(10_000); // warm-up: trackers' first detections, JIT
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long analysisCpu = analysisCpu(threads);
    long processCpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    measuring.set(true);
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    long wall = System.nanoTime() - start;
    long processUsed = os.getProcessCpuTime() - processCpu;
    long analysisUsed = analysisCpu(threads) - analysisCpu;
    clock.shutdownNow();
    for (var stream : streams) {
      stream.close(false);
    }
    teacher.close(false);
    client.stop();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("| %d | %.1f | %d | %.0f | %.0f | %.0f | %.0f%% | %.1f |%n", students.size(),
        analysed.get() / (wall / 1e9), dropped.get(), replies.get() == 0 ? 0 : intervals.get() / (double) replies.get(),
        percentile(sorted, 50), percentile(sorted, 99),
        100.0 * processUsed / wall / Runtime.getRuntime().availableProcessors(),
        analysed.get() == 0 ? 0 : analysisUsed / 1e6 / analysed.get());
    Thread.sleep(3000);
  }

  /** CPU time of the engagement analysis threads (decode, analysis, spot checks). */
  private static long analysisCpu(ThreadMXBean threads) {
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("engagement-") && !info.getThreadName().contains("flusher")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static List<String> frames() {
    List<byte[]> jpegs = new ArrayList<>(RecordedFrames.attentive(3));
    jpegs.addAll(RecordedFrames.lookingAway());
    return jpegs.stream().map(Base64.getEncoder()::encodeToString).toList();
  }

  private static AccountView account(AccountDirectory directory, String name, Role role) {
    return directory.create(new NewAccount("bench-" + name + "-" + UUID.randomUUID() + "@example.org",
        "Bench " + name, EnumSet.of(role), null, PASSWORD));
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }
}
