package sightline.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Named limits per caller, kept in this server's memory: Sightline runs as one server, so there is nothing to share.
 * A limit of {@code capacity} per {@code period} means exactly that: at most {@code capacity} requests in any
 * stretch of {@code period} (a sliding log of the admitted requests' times per caller), so "20 per minute" never
 * lets 40 through in a minute, as a token bucket refilled over the minute would. A caller's log holds at most the
 * requests of one period; callers unused for a day are forgotten. Thread-safe.
 */
@Component
public class RateLimits {

  /** A named limit: at most {@code capacity} requests in any {@code period}. */
  public record Limit(int capacity, Duration period) {}

  /** Limits by name ({@code sightline.rate-limits.<name>.capacity/period}); defaults from the identity issue. */
  @ConfigurationProperties("sightline")
  record Settings(@DefaultValue Map<String, Limit> rateLimits) {}

  private static final Map<String, Limit> DEFAULTS = Map.of(
      "sign-in", new Limit(5, Duration.ofMinutes(1)),
      "registration", new Limit(20, Duration.ofHours(1)),
      "code-request", new Limit(3, Duration.ofMinutes(10)),
      // Check-in attempts per student (attendance): the seed's 10 a minute, far above an honest retry or two.
      "check-in", new Limit(10, Duration.ofMinutes(1)),
      // Code and reset requests per client address, together: far above what one person (3 per recipient) or a
      // class asking at once behind one school address needs, low enough that one address cannot fill the
      // message queue (MessageDelivery drops beyond 1,000 waiting) and crowd out other people's codes.
      "code-request-address", new Limit(60, Duration.ofMinutes(10)));

  /** The times (epoch milliseconds) of one caller's admitted requests within the last period, oldest first. */
  private static final class Log {
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();

    /** Admits a request at {@code now}, or says how many milliseconds until one is admitted. */
    synchronized long admit(long now, Limit limit) {
      long period = limit.period().toMillis();
      while (!admitted.isEmpty() && admitted.peekFirst() <= now - period) {
        admitted.removeFirst();
      }
      if (admitted.size() < limit.capacity()) {
        admitted.addLast(now);
        return 0;
      }
      return admitted.peekFirst() + period - now;
    }
  }

  private final Map<String, Limit> limits;
  private final Clock clock;
  private final Cache<String, Log> logs = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofDays(1)).maximumSize(200_000).build();

  RateLimits(Settings settings, Clock clock) {
    var merged = new java.util.HashMap<>(DEFAULTS);
    merged.putAll(settings.rateLimits());
    this.limits = Map.copyOf(merged);
    this.clock = clock;
  }

  /** The limit in force under {@code name}. */
  public Limit limit(String name) {
    Limit limit = limits.get(name);
    if (limit == null) {
      throw new IllegalArgumentException("no rate limit named " + name);
    }
    return limit;
  }

  /**
   * Counts one request of the caller against {@code limit}.
   *
   * @param key who is asking, e.g. client address plus account identifier
   * @throws RateLimitExceeded when the caller has had the limit's capacity within its period, with the wait until
   *     the oldest of those requests leaves the period
   * @throws IllegalArgumentException for an unknown limit name
   */
  public void consume(String limit, String key) {
    Limit settings = limit(limit);
    long wait = logs.get(limit + '\u0000' + key, k -> new Log()).admit(clock.millis(), settings);
    if (wait > 0) {
      throw new RateLimitExceeded(limit, Duration.ofMillis(wait));
    }
  }
}
