package sightline.identity.delivery;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one-time codes and reset links leave the server ({@code sightline.identity.delivery.*}).
 *
 * @param email {@code smtp} (needs {@code spring.mail.host}), {@code log} (development only) or {@code none}
 * @param sms {@code http} (needs {@code sms-url}), {@code log} (development only) or {@code none}
 * @param from the e-mail sender address
 * @param smsUrl the gateway endpoint that receives one POST per message
 * @param smsBody the request body, with {@code {to}} (E.164) and {@code {text}} placeholders
 * @param smsContentType the body's content type; decides how the placeholders are escaped
 * @param smsAuthorization an {@code Authorization} header value for the gateway, if it needs one
 */
@ConfigurationProperties("sightline.identity.delivery")
record DeliverySettings(@DefaultValue("log") Via email, @DefaultValue("log") Via sms,
    @DefaultValue("sightline@localhost") String from, @Nullable URI smsUrl,
    @DefaultValue("{\"to\":\"{to}\",\"text\":\"{text}\"}") String smsBody,
    @DefaultValue("application/json") String smsContentType, @Nullable String smsAuthorization) {

  /** A channel's transport. {@code SMTP} is for e-mail, {@code HTTP} for SMS. */
  enum Via { SMTP, HTTP, LOG, NONE }
}
