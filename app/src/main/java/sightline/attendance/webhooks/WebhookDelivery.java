package sightline.attendance.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event owed to one webhook: a row of the outbox and, afterwards, of the webhook's delivery log. Pending until the
 * receiver answers 2xx; each failure waits longer ({@link Backoff}) until the attempts are used up.
 */
@Entity
@Table(schema = "attendance", name = "webhook_delivery")
class WebhookDelivery {

  /** Where a delivery stands. */
  enum Status { PENDING, DELIVERED, FAILED }

  private static final int MAX_ERROR = 500;

  @Id
  private UUID id;
  @Column(name = "webhook_id")
  private UUID webhookId;
  @Column(name = "event_id")
  private UUID eventId;
  @Column(name = "event_type")
  @Enumerated(EnumType.STRING)
  private WebhookEventType eventType;
  private String payload;
  @Enumerated(EnumType.STRING)
  private Status status;
  private int attempts;
  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;
  @Column(name = "last_status")
  private @Nullable Integer lastStatus;
  @Column(name = "last_error")
  private @Nullable String lastError;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "delivered_at")
  private @Nullable Instant deliveredAt;

  protected WebhookDelivery() {}

  WebhookDelivery(UUID webhookId, UUID eventId, WebhookEventType eventType, String payload, Instant at) {
    this.id = UUID.randomUUID();
    this.webhookId = webhookId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.payload = payload;
    this.status = Status.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = at;
    this.createdAt = at;
  }

  /** The receiver answered 2xx at {@code at}. */
  void delivered(int httpStatus, Instant at) {
    attempts++;
    status = Status.DELIVERED;
    lastStatus = httpStatus;
    lastError = null;
    deliveredAt = at;
  }

  /**
   * The attempt at {@code at} failed (no answer, or a status other than 2xx): try again after the backoff's wait, or
   * give up when the attempts are used up.
   */
  void failed(@Nullable Integer httpStatus, String error, Instant at, Backoff backoff) {
    attempts++;
    lastStatus = httpStatus;
    lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    Optional<Duration> wait = backoff.delayAfter(attempts);
    if (wait.isPresent()) {
      nextAttemptAt = at.plus(wait.get());
    } else {
      status = Status.FAILED;
    }
  }

  /** An administrator asks for a given-up delivery to be tried again, now, with fresh attempts. */
  void retry(Instant at) {
    if (status != Status.FAILED) {
      return;
    }
    status = Status.PENDING;
    attempts = 0;
    nextAttemptAt = at;
  }

  UUID id() {
    return id;
  }

  UUID webhookId() {
    return webhookId;
  }

  UUID eventId() {
    return eventId;
  }

  WebhookEventType eventType() {
    return eventType;
  }

  String payload() {
    return payload;
  }

  Status status() {
    return status;
  }

  int attempts() {
    return attempts;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  @Nullable Integer lastStatus() {
    return lastStatus;
  }

  @Nullable String lastError() {
    return lastError;
  }

  Instant createdAt() {
    return createdAt;
  }

  @Nullable Instant deliveredAt() {
    return deliveredAt;
  }
}
