package sightline.attendance.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers the outbox. Each poll claims due deliveries in a short transaction ({@code FOR UPDATE SKIP LOCKED}, so
 * several servers never claim the same row) by moving their next attempt a lease ahead, then POSTs them with no
 * transaction open, then records each outcome in a transaction of its own. A server that dies between claim and
 * outcome leaves the rows to be claimed again when the lease ends, so an event may arrive twice (receivers key on
 * the event id) but is never lost.
 *
 * <p>Its own timer thread rather than a Moments event (deliveries are due within seconds, Moments ticks hourly) and
 * rather than {@code @EnableScheduling}, which would replace the application's task executor for every module.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  /** One claimed delivery with what sending it needs. */
  record Claimed(UUID id, UUID webhookId, UUID eventId, String eventType, String url, String payload) {}

  private final JdbcClient jdbc;
  private final TransactionOperations transactions;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookRepository webhooks;
  private final WebhookSecrets secrets;
  private final WebhookSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private @Nullable ScheduledExecutorService timer;

  WebhookDispatcher(JdbcClient jdbc, TransactionOperations transactions, WebhookDeliveryRepository deliveries,
      WebhookRepository webhooks, WebhookSecrets secrets, WebhookSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.secrets = secrets;
    this.settings = settings;
    this.clock = clock;
    // Receivers are other people's servers: never follow a redirect to somewhere the URL check did not see.
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public synchronized void start() {
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-dispatcher").daemon()
        .factory());
    long every = settings.pollInterval().toMillis();
    timer.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // A database hiccup must not end the timer: the next poll tries again.
      log.warn("Webhook dispatch failed; trying again at the next poll", e);
    }
  }

  void poll() {
    List<Claimed> claimed = claim();
    if (claimed.isEmpty()) {
      return;
    }
    // One virtual thread per delivery: a slow receiver does not hold up the others in the batch.
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> sent = new ArrayList<>();
      for (Claimed delivery : claimed) {
        sent.add(senders.submit(() -> deliver(delivery)));
      }
      for (Future<?> future : sent) {
        try {
          future.get();
        } catch (Exception e) {
          log.warn("A webhook delivery failed unexpectedly", e);
        }
      }
    }
  }

  /** Claims up to a batch of due deliveries of active webhooks, oldest first. */
  List<Claimed> claim() {
    Instant now = clock.instant();
    List<Claimed> claimed = transactions.execute(tx -> {
      List<UUID> ids = jdbc.sql("""
              SELECT d.id FROM attendance.webhook_delivery d
              WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                AND d.webhook_id IN (SELECT w.id FROM attendance.webhook w WHERE w.active)
              ORDER BY d.next_attempt_at
              LIMIT :limit
              FOR UPDATE SKIP LOCKED""")
          .param("now", Timestamp.from(now)).param("limit", settings.batchSize())
          .query(UUID.class).list();
      if (ids.isEmpty()) {
        return List.<Claimed>of();
      }
      jdbc.sql("UPDATE attendance.webhook_delivery SET next_attempt_at = :lease WHERE id IN (:ids)")
          .param("lease", Timestamp.from(now.plus(settings.lease()))).param("ids", ids).update();
      return jdbc.sql("""
              SELECT d.id, d.webhook_id, d.event_id, d.event_type, w.url, d.payload
              FROM attendance.webhook_delivery d JOIN attendance.webhook w ON w.id = d.webhook_id
              WHERE d.id IN (:ids)""")
          .param("ids", ids)
          .query((rs, row) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
              rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)))
          .list();
    });
    return claimed == null ? List.of() : claimed;
  }

  private void deliver(Claimed delivery) {
    Instant at = clock.instant();
    @Nullable Integer status = null;
    String error;
    try {
      URI url = WebhookUrls.check(delivery.url());
      if (!WebhookUrls.resolvesToAllowedAddress(url)) {
        throw new IOException("the receiver's address is link-local");
      }
      byte[] secret = secretOf(delivery.webhookId());
      long timestamp = at.getEpochSecond();
      HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", "Sightline-Webhooks")
          .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString())
          .header(WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType())
          .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, delivery.payload()))
          .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status / 100 == 2) {
        record(delivery.id(), status, null);
        return;
      }
      error = "HTTP " + status;
    } catch (WebhookUrlRefused e) {
      error = "the URL is not allowed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    record(delivery.id(), status, error);
  }

  private byte[] secretOf(UUID webhookId) {
    Webhook webhook = webhooks.findById(webhookId).orElseThrow(() -> new WebhookNotFound(webhookId));
    return secrets.open(webhook.sealedSecret(), webhookId);
  }

  private void record(UUID deliveryId, @Nullable Integer status, @Nullable String error) {
    Instant at = clock.instant();
    transactions.executeWithoutResult(tx -> deliveries.findById(deliveryId).ifPresent(delivery -> {
      if (error == null) {
        delivery.delivered(status == null ? 200 : status, at);
      } else {
        delivery.failed(status, error, at, settings.backoff());
      }
    }));
  }
}
