-- Outbound webhooks: an administrator's receivers, and a transactional outbox of deliveries. A delivery row is
-- inserted in the transaction that records the check-in, so an event is delivered exactly when it was committed.
CREATE TABLE attendance.webhook
(
  id             UUID                     NOT NULL PRIMARY KEY,
  name           VARCHAR(100)             NOT NULL,
  url            VARCHAR(2000)            NOT NULL,
  -- Comma-separated event types (CheckInRecorded, CheckInCorrected).
  events         VARCHAR(200)             NOT NULL,
  -- The signing secret, sealed with AES-256-GCM (webhooks' own key ring) and bound to the webhook's id.
  secret_key_id  VARCHAR(16)              NOT NULL,
  secret         BYTEA                    NOT NULL,
  active         BOOLEAN                  NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by     UUID                     NOT NULL
);

CREATE TABLE attendance.webhook_delivery
(
  id              UUID                     NOT NULL PRIMARY KEY,
  webhook_id      UUID                     NOT NULL REFERENCES attendance.webhook (id) ON DELETE CASCADE,
  -- The same for every webhook that receives the event: receivers use it to ignore a repeated delivery.
  event_id        UUID                     NOT NULL,
  event_type      VARCHAR(40)              NOT NULL,
  -- The exact bytes that are signed and sent, fixed when the event happened.
  payload         TEXT                     NOT NULL,
  status          VARCHAR(10)              NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        INTEGER                  NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_status     INTEGER,
  last_error      VARCHAR(500),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  delivered_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT webhook_delivery_once UNIQUE (webhook_id, event_id)
);
-- The dispatcher's claim query: due pending rows, oldest first.
CREATE INDEX webhook_delivery_due ON attendance.webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_log ON attendance.webhook_delivery (webhook_id, created_at);
