/**
 * Outbound webhooks for check-ins and corrections: an administrator's receivers, a transactional outbox filled in
 * the check-in's own transaction, and a dispatcher that signs (HMAC-SHA256) and delivers with retries and backoff.
 */
@NullMarked
package sightline.attendance.webhooks;

import org.jspecify.annotations.NullMarked;
