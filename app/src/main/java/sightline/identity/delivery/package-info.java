/**
 * How one-time codes and reset links leave the server: where they go ({@link sightline.identity.delivery.Recipient}:
 * an e-mail address or a phone number) and how: e-mail over SMTP, SMS through an HTTP gateway, or (in development)
 * the log. Internal to identity; {@link sightline.identity.delivery.MessageDelivery} is the entry point.
 */
@NullMarked
package sightline.identity.delivery;

import org.jspecify.annotations.NullMarked;
