package sightline.attendance.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import sightline.system.SealingKeys;

/** A receiver of attendance events, set up by an administrator. Its signing secret is stored sealed. */
@Entity
@Table(schema = "attendance", name = "webhook")
class Webhook {

  @Id
  private UUID id;
  private String name;
  private String url;
  private String events;
  @Column(name = "secret_key_id")
  private String secretKeyId;
  private byte[] secret;
  private boolean active;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "created_by")
  private UUID createdBy;

  protected Webhook() {}

  Webhook(UUID id, String name, String url, Set<WebhookEventType> events, SealingKeys.Sealed secret,
      Instant createdAt, UUID createdBy) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a webhook receives at least one event type");
    }
    this.id = id;
    this.name = name;
    this.url = url;
    this.events = events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    this.secretKeyId = secret.keyId();
    this.secret = secret.bytes().clone();
    this.active = true;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /** The reference the secret is sealed for: a sealed secret copied to another webhook does not open. */
  static String secretOwner(UUID id) {
    return "webhook:" + id;
  }

  boolean receives(WebhookEventType type) {
    return active && events().contains(type);
  }

  Set<WebhookEventType> events() {
    var set = EnumSet.noneOf(WebhookEventType.class);
    Arrays.stream(events.split(",")).filter(s -> !s.isBlank()).map(WebhookEventType::valueOf).forEach(set::add);
    return set;
  }

  void disable() {
    active = false;
  }

  void enable() {
    active = true;
  }

  UUID id() {
    return id;
  }

  String name() {
    return name;
  }

  String url() {
    return url;
  }

  boolean active() {
    return active;
  }

  Instant createdAt() {
    return createdAt;
  }

  SealingKeys.Sealed sealedSecret() {
    return new SealingKeys.Sealed(secretKeyId, secret.clone());
  }
}
