package sightline.attendance.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators do with webhooks: set them up, switch them off and on, delete them, read and retry deliveries. */
@Service
class Webhooks {

  /** A webhook as the administration page shows it. */
  record WebhookView(UUID id, String name, String url, Set<WebhookEventType> events, boolean active,
      Instant createdAt, long pending, long failed) {}

  /** A new webhook with its secret, which is shown this once. */
  record Created(UUID id, String secret) {}

  /** One delivery in a webhook's log. */
  record DeliveryView(UUID id, UUID eventId, WebhookEventType eventType, WebhookDelivery.Status status,
      int attempts, @Nullable Integer lastStatus, @Nullable String lastError, Instant createdAt,
      Instant nextAttemptAt, @Nullable Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery d) {
      return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.lastStatus(),
          d.lastError(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt());
    }

    public boolean pending() {
      return status == WebhookDelivery.Status.PENDING;
    }

    public boolean failed() {
      return status == WebhookDelivery.Status.FAILED;
    }
  }

  private final WebhookRepository webhooks;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookSecrets secrets;
  private final Clock clock;

  Webhooks(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, WebhookSecrets secrets, Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** @throws WebhookUrlRefused when the URL is not one a webhook may have ({@link WebhookUrls}) */
  @Transactional
  Created create(String name, String url, Set<WebhookEventType> events, UUID by) {
    String checked = WebhookUrls.check(url).toString();
    UUID id = UUID.randomUUID();
    String secret = secrets.generate();
    webhooks.save(new Webhook(id, name.strip(), checked, events, secrets.seal(secret, id), clock.instant(), by));
    return new Created(id, secret);
  }

  @Transactional(readOnly = true)
  List<WebhookView> list() {
    return webhooks.findAllByOrderByCreatedAtDesc().stream().map(this::view).toList();
  }

  /** @throws WebhookNotFound when there is no such webhook */
  @Transactional(readOnly = true)
  WebhookView get(UUID id) {
    return view(find(id));
  }

  @Transactional(readOnly = true)
  Page<DeliveryView> deliveries(UUID webhook, int page, int size) {
    find(webhook);
    return deliveries.findByWebhookIdOrderByCreatedAtDesc(webhook, PageRequest.of(page, size))
        .map(DeliveryView::of);
  }

  /** Stops deliveries; what is owed stays in the outbox and goes once the webhook is enabled again. */
  @Transactional
  void disable(UUID id) {
    find(id).disable();
  }

  @Transactional
  void enable(UUID id) {
    find(id).enable();
  }

  /** Deletes the webhook with its delivery log and anything still owed to it. */
  @Transactional
  void delete(UUID id) {
    webhooks.delete(find(id));
  }

  /** Tries a given-up delivery again now, with fresh attempts. */
  @Transactional
  void retry(UUID webhook, UUID delivery) {
    deliveries.findByIdAndWebhookId(delivery, webhook).orElseThrow(() -> new WebhookNotFound(delivery))
        .retry(clock.instant());
  }

  private Webhook find(UUID id) {
    return webhooks.findById(id).orElseThrow(() -> new WebhookNotFound(id));
  }

  private WebhookView view(Webhook hook) {
    return new WebhookView(hook.id(), hook.name(), hook.url(), hook.events(), hook.active(), hook.createdAt(),
        deliveries.countByWebhookIdAndStatus(hook.id(), WebhookDelivery.Status.PENDING),
        deliveries.countByWebhookIdAndStatus(hook.id(), WebhookDelivery.Status.FAILED));
  }
}
