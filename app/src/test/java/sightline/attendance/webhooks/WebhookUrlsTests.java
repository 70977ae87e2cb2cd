package sightline.attendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTests {

  @ParameterizedTest
  @ValueSource(strings = {"https://hooks.example.org/sightline", "http://127.0.0.1:8081/in",
      "http://10.0.0.5/attendance", "https://[2001:db8::1]/hook"})
  void acceptsHttpAndHttpsWithAHost(String url) {
    assertThat(WebhookUrls.check(url).getHost()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "/relative/path",
      "https://", "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/x", "http://0.0.0.0/",
      "http://metadata.google.internal/computeMetadata/v1/", "https://user:pass@example.org/", "not a url",
      "gopher://example.org/"})
  void refusesOtherSchemesLinkLocalAndMetadataAddresses(String url) {
    assertThatThrownBy(() -> WebhookUrls.check(url)).isInstanceOf(WebhookUrlRefused.class);
  }
}
