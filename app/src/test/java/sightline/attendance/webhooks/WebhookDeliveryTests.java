package sightline.attendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTests {

  private static final Instant T = Instant.parse("2026-12-07T18:00:00Z");
  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 3);

  @Test
  void aNewDeliveryIsDueAtOnce() {
    var delivery = delivery();

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(delivery.nextAttemptAt()).isEqualTo(T);
    assertThat(delivery.attempts()).isZero();
  }

  @Test
  void aFailureWaitsTheBackoffAndKeepsTheAnswer() {
    var delivery = delivery();

    delivery.failed(503, "HTTP 503", T.plusSeconds(1), backoff);
    delivery.failed(null, "ConnectException", T.plusSeconds(12), backoff);

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(delivery.attempts()).isEqualTo(2);
    assertThat(delivery.nextAttemptAt()).isEqualTo(T.plusSeconds(32));
    assertThat(delivery.lastStatus()).isNull();
    assertThat(delivery.lastError()).isEqualTo("ConnectException");
  }

  @Test
  void theLastFailureGivesUpAndAnAdministratorMayRetry() {
    var delivery = delivery();
    for (int i = 0; i < 3; i++) {
      delivery.failed(500, "HTTP 500", T, backoff);
    }
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);

    delivery.retry(T.plusSeconds(3600));

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
    assertThat(delivery.attempts()).isZero();
    assertThat(delivery.nextAttemptAt()).isEqualTo(T.plusSeconds(3600));
  }

  @Test
  void successEndsItAndARetryOfADeliveredEventDoesNothing() {
    var delivery = delivery();
    delivery.failed(503, "HTTP 503", T, backoff);

    delivery.delivered(204, T.plusSeconds(20));
    delivery.retry(T.plusSeconds(30));

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(delivery.attempts()).isEqualTo(2);
    assertThat(delivery.deliveredAt()).isEqualTo(T.plusSeconds(20));
    assertThat(delivery.lastError()).isNull();
  }

  @Test
  void aLongErrorIsCutToWhatTheLogKeeps() {
    var delivery = delivery();

    delivery.failed(null, "x".repeat(2000), T, backoff);

    assertThat(delivery.lastError()).hasSize(500);
  }

  private static WebhookDelivery delivery() {
    return new WebhookDelivery(UUID.randomUUID(), UUID.randomUUID(), WebhookEventType.CheckInRecorded, "{}", T);
  }
}
