package sightline.attendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

  private static final byte[] SECRET = "whsec_test-secret".getBytes(StandardCharsets.UTF_8);
  private static final String BODY = "{\"id\":\"1\",\"type\":\"CheckInRecorded\"}";

  @Test
  void isTheHmacOfTimestampDotBodyAsOpenSslComputesIt() {
    // printf '1765098000.{"id":"1","type":"CheckInRecorded"}' | openssl dgst -sha256 -hmac whsec_test-secret
    assertThat(WebhookSignature.sign(SECRET, 1765098000L, BODY))
        .isEqualTo("sha256=7d569e21c87f8b44816195361043538c89259dd409dfc3cfd54766e07e6bce6d");
  }

  @Test
  void verifiesOnlyTheSameSecretTimestampAndBody() {
    String header = WebhookSignature.sign(SECRET, 1765098000L, BODY);

    assertThat(WebhookSignature.verify(SECRET, 1765098000L, BODY, header)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, 1765098001L, BODY, header)).as("replayed with a new timestamp")
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, 1765098000L, BODY + " ", header)).isFalse();
    assertThat(WebhookSignature.verify("whsec_other".getBytes(StandardCharsets.UTF_8), 1765098000L, BODY, header))
        .isFalse();
  }
}
