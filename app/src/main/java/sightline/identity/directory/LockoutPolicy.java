package sightline.identity.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keycloak-style brute-force protection for one account: after {@code failures} wrong secrets in a row the account
 * waits {@code firstWait}; each further lockout doubles the wait up to {@code maxWait}. With {@code permanentAfter}
 * greater than zero, that many lockouts lock the account until an administrator unlocks it.
 *
 * @param failures wrong secrets in a row that lock the account, at least 1
 * @param firstWait the first lockout's length
 * @param maxWait the longest temporary lockout
 * @param permanentAfter lockouts after which the account stays locked; 0 for never
 */
@ConfigurationProperties("sightline.identity.lockout")
public record LockoutPolicy(@DefaultValue("5") int failures, @DefaultValue("1m") Duration firstWait,
    @DefaultValue("15m") Duration maxWait, @DefaultValue("0") int permanentAfter) {

  public LockoutPolicy {
    if (failures < 1 || firstWait.isNegative() || maxWait.compareTo(firstWait) < 0 || permanentAfter < 0) {
      throw new IllegalArgumentException("lockout policy needs failures >= 1, 0 <= firstWait <= maxWait and "
          + "permanentAfter >= 0");
    }
  }

  /** How long the {@code lockout}-th lockout (1-based) lasts. */
  Duration waitFor(int lockout) {
    int doublings = Math.min(Math.max(lockout - 1, 0), 30);
    Duration wait = firstWait.multipliedBy(1L << doublings);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
