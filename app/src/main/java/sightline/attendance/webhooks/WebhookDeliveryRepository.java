package sightline.attendance.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, UUID> {

  Page<WebhookDelivery> findByWebhookIdOrderByCreatedAtDesc(UUID webhookId, Pageable page);

  Optional<WebhookDelivery> findByIdAndWebhookId(UUID id, UUID webhookId);

  List<WebhookDelivery> findByIdIn(List<UUID> ids);

  long countByWebhookIdAndStatus(UUID webhookId, WebhookDelivery.Status status);
}
