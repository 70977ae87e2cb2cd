package sightline.attendance.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code sightline.webhooks.*}).
 *
 * @param pollInterval how often the dispatcher looks for due deliveries
 * @param batchSize    deliveries one poll claims at most
 * @param timeout      how long one POST may take, connecting included
 * @param retryBase    the wait after the first failure; doubled after each further one
 * @param retryCap     the longest wait between attempts
 * @param maxAttempts  attempts before a delivery is given up (an administrator may retry it)
 */
@ConfigurationProperties("sightline.webhooks")
record WebhookSettings(@DefaultValue("5s") Duration pollInterval, @DefaultValue("20") int batchSize,
    @DefaultValue("10s") Duration timeout, @DefaultValue("10s") Duration retryBase,
    @DefaultValue("1h") Duration retryCap, @DefaultValue("15") int maxAttempts) {

  Backoff backoff() {
    return new Backoff(retryBase, retryCap, maxAttempts);
  }

  /**
   * How long a claimed delivery stays invisible to other dispatchers: longer than a POST may take, so that a server
   * that dies mid-delivery hands its claims back after this lease rather than never.
   */
  Duration lease() {
    return timeout.multipliedBy(3).plusSeconds(30);
  }
}
