package sightline.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Token-bucket limits per caller (Bucket4j), kept in this server's memory: Sightline runs as one server, so there is
 * nothing to share. Buckets unused for a day are forgotten. Thread-safe.
 */
@Component
public class RateLimits {

  /** A named limit: {@code capacity} requests per {@code period}, refilled smoothly. */
  public record Limit(int capacity, Duration period) {}

  /** Limits by name ({@code sightline.rate-limits.<name>.capacity/period}); defaults from the identity issue. */
  @ConfigurationProperties("sightline")
  record Settings(@DefaultValue Map<String, Limit> rateLimits) {}

  private static final Map<String, Limit> DEFAULTS = Map.of(
      "sign-in", new Limit(5, Duration.ofMinutes(1)),
      "registration", new Limit(20, Duration.ofHours(1)),
      "code-request", new Limit(3, Duration.ofMinutes(10)));

  private final Map<String, Limit> limits;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofDays(1)).maximumSize(200_000).build();

  RateLimits(Settings settings) {
    var merged = new java.util.HashMap<>(DEFAULTS);
    merged.putAll(settings.rateLimits());
    this.limits = Map.copyOf(merged);
  }

  /**
   * Takes one request from the caller's bucket for {@code limit}.
   *
   * @param key who is asking, e.g. client address plus account identifier
   * @throws RateLimitExceeded when the bucket is empty, with the wait until the next request is allowed
   * @throws IllegalArgumentException for an unknown limit name
   */
  public void consume(String limit, String key) {
    Limit settings = limits.get(limit);
    if (settings == null) {
      throw new IllegalArgumentException("no rate limit named " + limit);
    }
    Bucket bucket = buckets.get(limit + '\u0000' + key, k -> Bucket.builder()
        .addLimit(l -> l.capacity(settings.capacity()).refillGreedy(settings.capacity(), settings.period()))
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitExceeded(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }
}
