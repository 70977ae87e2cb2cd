package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Admission of expensive work (decoding a picture, running the face models), so that no single caller can hold the
 * server's capacity: each {@link Pool} has a fixed number of permits handed out first come, first served (a fair
 * semaphore, so one caller's burst queues behind everyone already waiting), and a caller waits for them at most
 * {@code sightline.workload.max-wait} (default 10 s) before a 503 {@link ServerBusy}. On top of that, one caller runs
 * at most {@code sightline.workload.per-caller} (default 1) such pieces of work at a time: another request while
 * those still run is a 429 {@link CallerBusy} with {@code Retry-After}, never a place in the queue.
 *
 * <p>A caller is whoever the request authenticated (an account through its session or bearer token, a face API
 * key); anonymous requests are counted per client address, which a school's NAT shares, so they may run
 * {@code sightline.workload.anonymous-per-address} (default 4) at a time. Work outside an HTTP request (start-up,
 * background jobs) takes only the pool's permits. Nested work on one thread holds one caller slot. Thread-safe.
 */
@Component
public class Workload {

  /** A fixed capacity shared by everyone, e.g. the face engine's cores or the memory pictures decode into. */
  public static final class Pool {
    private final String name;
    private final int permits;
    private final Semaphore semaphore;

    private Pool(String name, int permits) {
      this.name = name;
      this.permits = permits;
      this.semaphore = new Semaphore(permits, true);
    }

    /** The pool's name, as given to {@link Workload#pool(String, int)}. */
    public String name() {
      return name;
    }

    /** All permits of the pool. */
    public int permits() {
      return permits;
    }

    /** Permits free now (for health pages and tests). */
    public int available() {
      return semaphore.availablePermits();
    }
  }

  private final Duration maxWait;
  private final int perCaller;
  private final int anonymousPerAddress;
  private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();
  /** The caller slot this thread holds, so nested work does not ask for a second one. */
  private final ThreadLocal<String> held = new ThreadLocal<>();

  Workload(@Value("${sightline.workload.max-wait:10s}") Duration maxWait,
      @Value("${sightline.workload.per-caller:1}") int perCaller,
      @Value("${sightline.workload.anonymous-per-address:4}") int anonymousPerAddress) {
    if (maxWait.isNegative() || perCaller < 1 || anonymousPerAddress < 1) {
      throw new IllegalArgumentException("sightline.workload.max-wait must not be negative, and per-caller and "
          + "anonymous-per-address must be at least 1");
    }
    this.maxWait = maxWait;
    this.perCaller = perCaller;
    this.anonymousPerAddress = anonymousPerAddress;
  }

  /** A new pool of {@code permits} (at least 1), for one kind of work. */
  public Pool pool(String name, int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("a pool needs at least one permit: " + name);
    }
    return new Pool(name, permits);
  }

  /**
   * Runs {@code work} once the current caller has no other work running and {@code weight} permits of
   * {@code pool} are free.
   *
   * @param weight permits the work takes, from 1 to the pool's size (larger weights are taken as the whole pool)
   * @throws CallerBusy  when the same caller already runs work (429, {@code Retry-After})
   * @throws ServerBusy  when the permits were not free within the wait budget (503, {@code Retry-After})
   */
  public <T> T run(Pool pool, int weight, Supplier<T> work) {
    String caller = held.get() == null ? currentCaller() : null;
    if (caller != null) {
      enter(caller);
    }
    try {
      int permits = Math.clamp(weight, 1, pool.permits);
      if (!acquire(pool, permits)) {
        throw new ServerBusy(pool.name, maxWait);
      }
      try {
        return work.get();
      } finally {
        pool.semaphore.release(permits);
      }
    } finally {
      if (caller != null) {
        leave(caller);
      }
    }
  }

  private boolean acquire(Pool pool, int permits) {
    try {
      return pool.semaphore.tryAcquire(permits, maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void enter(String caller) {
    int limit = caller.startsWith("address:") ? anonymousPerAddress : perCaller;
    boolean[] admitted = {false};
    running.compute(caller, (key, count) -> {
      int now = count == null ? 0 : count;
      if (now >= limit) {
        return count;
      }
      admitted[0] = true;
      return now + 1;
    });
    if (!admitted[0]) {
      throw new CallerBusy();
    }
    held.set(caller);
  }

  private void leave(String caller) {
    held.remove();
    running.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Who the current request is on behalf of, or null outside a request. */
  private static @Nullable String currentCaller() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return null;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "caller:" + authentication.getClass().getName() + ':' + authentication.getName();
    }
    HttpServletRequest request = attributes.getRequest();
    return "address:" + request.getRemoteAddr();
  }
}
