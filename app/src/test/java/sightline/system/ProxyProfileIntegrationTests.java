package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import sightline.CookieClient;

/**
 * The {@code proxy} profile, for running behind a reverse proxy that terminates TLS: the real server on its random
 * port, called from 127.0.0.1 as a proxy on the same machine would, with the headers such a proxy adds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("proxy")
class ProxyProfileIntegrationTests {

  @LocalServerPort
  int port;

  private HttpResponse<String> viaProxy(CookieClient client, String path) {
    return client.get(path, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7",
        "X-Forwarded-Host", "sightline.example.org");
  }

  @Test
  void anHttpsClientBehindTheProxyGetsHstsSecureCookiesAndHttpsRedirects() {
    var client = new CookieClient(port);
    var page = viaProxy(client, "/sign-in?lang=es");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
        hsts -> assertThat(hsts).contains("max-age="));
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("sightline-lang="));

    var redirect = viaProxy(new CookieClient(port), "/account/sign-ins");
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    // Relative (the browser keeps https and the host) or absolute on the proxy's https address, never http.
    assertThat(location).matches("(/|https://sightline\\.example\\.org/)sign-in");
  }

  @Test
  void aPlainHttpRequestGetsNoHsts() {
    var page = new CookieClient(port).get("/sign-in");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }
}
