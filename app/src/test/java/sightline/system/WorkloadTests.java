package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** One piece of work per caller at a time, a bounded wait for a pool's permits, and nested work on one thread. */
class WorkloadTests {

  private final Workload workload = new Workload(Duration.ofMillis(300), 1, 2);
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aSecondRequestOfTheSameAccountIsRefusedWhileTheFirstRunsAndOthersAreNot() throws Exception {
    Workload.Pool pool = workload.pool("engine", 4);
    var running = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Future<String> first = threads.submit(() -> as("alice", "10.0.0.1", () -> workload.run(pool, 1, () -> {
      running.countDown();
      await(release);
      return "done";
    })));
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> threads.submit(() -> as("alice", "10.0.0.2", () -> workload.run(pool, 1, () -> "again")))
        .get()).hasCauseInstanceOf(CallerBusy.class);
    assertThat(threads.submit(() -> as("bob", "10.0.0.1", () -> workload.run(pool, 1, () -> "bob"))).get())
        .isEqualTo("bob");

    release.countDown();
    assertThat(first.get()).isEqualTo("done");
    assertThat(threads.submit(() -> as("alice", "10.0.0.1", () -> workload.run(pool, 1, () -> "later"))).get())
        .isEqualTo("later");
    assertThat(pool.available()).isEqualTo(4);
  }

  @Test
  void anonymousCallersShareTheirAddressUpToItsCeiling() throws Exception {
    Workload.Pool pool = workload.pool("engine", 4);
    var running = new CountDownLatch(2);
    var release = new CountDownLatch(1);
    List<Future<String>> two = List.of(1, 2).stream().map(i -> threads.submit(() -> as(null, "10.0.0.9",
        () -> workload.run(pool, 1, () -> {
          running.countDown();
          await(release);
          return "ok";
        })))).toList();
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> threads.submit(() -> as(null, "10.0.0.9", () -> workload.run(pool, 1, () -> "third")))
        .get()).hasCauseInstanceOf(CallerBusy.class);
    release.countDown();
    for (Future<String> f : two) {
      assertThat(f.get()).isEqualTo("ok");
    }
  }

  @Test
  void waitingForAFullPoolEndsAfterTheBudgetWithServerBusy() throws Exception {
    Workload.Pool pool = workload.pool("engine", 1);
    var running = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Future<String> holder = threads.submit(() -> workload.run(pool, 1, () -> {
      running.countDown();
      await(release);
      return "held";
    }));
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThatThrownBy(() -> workload.run(pool, 1, () -> "never")).isInstanceOfSatisfying(ServerBusy.class,
        e -> assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    release.countDown();
    assertThat(holder.get()).isEqualTo("held");
  }

  @Test
  void nestedWorkOnOneThreadHoldsOneCallerSlotAndWeightsAreCappedAtThePool() throws Exception {
    Workload.Pool outer = workload.pool("decode", 8);
    Workload.Pool inner = workload.pool("engine", 2);
    String answer = threads.submit(() -> as("carol", "10.0.0.3",
        () -> workload.run(outer, 100, () -> workload.run(inner, 1, () -> "nested")))).get();
    assertThat(answer).isEqualTo("nested");
    assertThat(outer.available()).isEqualTo(8);
    assertThat(inner.available()).isEqualTo(2);
  }

  /** Runs {@code work} as an HTTP request of {@code user} (anonymous when null) from {@code address}. */
  private static <T> T as(String user, String address, java.util.function.Supplier<T> work) {
    var request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    if (user != null) {
      SecurityContextHolder.getContext().setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
      RequestContextHolder.resetRequestAttributes();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
