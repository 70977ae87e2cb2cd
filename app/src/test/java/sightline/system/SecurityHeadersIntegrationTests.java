package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.CookieClient;

/**
 * Security headers on the real server in the default configuration: a Referrer-Policy on pages and API answers,
 * and forwarded headers from a client are not believed without the {@code proxy} profile (no HSTS for an http
 * request that claims to be https).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void pagesAndApiAnswersCarryTheReferrerPolicy() {
    var client = new CookieClient(port);
    assertThat(client.get("/").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(client.get("/api/v1/me").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void withoutTheProxyProfileAForwardedProtoIsNotBelieved() {
    var page = new CookieClient(port).get("/sign-in", "X-Forwarded-Proto", "https");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("Secure"));
  }
}
