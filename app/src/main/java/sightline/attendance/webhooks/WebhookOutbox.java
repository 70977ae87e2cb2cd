package sightline.attendance.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sightline.attendance.CheckInCorrected;
import sightline.attendance.CheckInRecorded;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the outbox: one delivery per active webhook that receives the event, written with the check-in itself.
 *
 * <p>A plain {@code @EventListener}, not {@code @ApplicationModuleListener}: it runs inside the transaction that
 * publishes the event, so the delivery rows commit or roll back together with the check-in. A check-in that
 * committed always has its deliveries, and a rolled-back one never sends.
 */
@Component
class WebhookOutbox {

  private final WebhookRepository webhooks;
  private final WebhookDeliveryRepository deliveries;
  private final JsonMapper json;
  private final Clock clock;

  WebhookOutbox(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, JsonMapper json, Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.json = json;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  void on(CheckInRecorded event) {
    var data = new LinkedHashMap<String, Object>();
    data.put("checkIn", event.checkIn().value());
    data.put("session", event.session().value());
    data.put("course", event.course().value());
    data.put("student", event.student().value());
    data.put("status", event.status());
    data.put("method", event.method());
    data.put("similarity", event.similarity());
    data.put("at", event.at());
    enqueue(WebhookEventType.CheckInRecorded, event.at(), data);
  }

  @EventListener
  @Transactional
  void on(CheckInCorrected event) {
    var data = new LinkedHashMap<String, Object>();
    data.put("checkIn", event.checkIn().value());
    data.put("session", event.session().value());
    data.put("course", event.course().value());
    data.put("student", event.student().value());
    data.put("from", event.from());
    data.put("to", event.to());
    data.put("remark", event.remark());
    data.put("by", event.by().value());
    data.put("at", event.at());
    enqueue(WebhookEventType.CheckInCorrected, event.at(), data);
  }

  private void enqueue(WebhookEventType type, Instant occurredAt, Map<String, Object> data) {
    List<Webhook> receivers = webhooks.findByActiveTrue().stream().filter(hook -> hook.receives(type)).toList();
    if (receivers.isEmpty()) {
      return;
    }
    // One id per event, shared by every webhook's copy: a receiver that sees it twice (a retry after a lost answer)
    // knows it already has it.
    UUID eventId = UUID.randomUUID();
    var envelope = new LinkedHashMap<String, Object>();
    envelope.put("id", eventId);
    envelope.put("type", type.name());
    envelope.put("occurredAt", occurredAt);
    envelope.put("data", data);
    String payload = json.writeValueAsString(envelope);
    Instant now = clock.instant();
    deliveries.saveAll(receivers.stream()
        .map(hook -> new WebhookDelivery(hook.id(), eventId, type, payload, now)).toList());
  }
}
