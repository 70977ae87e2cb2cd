package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.EnumSet;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import sightline.CookieClient;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * API requests never make the server keep an HTTP session for them: an anonymous request to a protected
 * {@code /api/**} path is answered 401 (or 403 without a CSRF token) and leaves nothing behind, neither a session
 * nor a saved request. Pages still remember where a visitor wanted to go and return there after sign-in. Sessions
 * are counted by the real Tomcat's session manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSessionIntegrationTests {

  private static final String PASSWORD = "a session test password";

  @LocalServerPort
  int port;

  @Autowired
  ServletWebServerApplicationContext context;

  @Autowired
  AccountDirectory directory;

  private long sessionsCreated() {
    var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
    Manager manager = ((Context) tomcat.getHost().findChildren()[0]).getManager();
    return manager.getSessionCounter();
  }

  @Test
  void anonymousRequestsToProtectedApiPathsCreateNoSession() {
    long before = sessionsCreated();
    for (int i = 0; i < 100; i++) {
      var client = new CookieClient(port); // a new client each time, as a loop of curl calls is
      assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(401);
      assertThat(client.get("/api/v1/biometrics/enrolment", "Accept", "text/html").statusCode()).isEqualTo(401);
    }
    for (int i = 0; i < 50; i++) {
      var client = new CookieClient(port);
      var post = client.send(HttpRequest.newBuilder(client.uri("/api/v1/biometrics/verify"))
          .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build());
      assertThat(post.statusCode()).isIn(401, 403);
      assertThat(client.cookies()).noneMatch(cookie -> cookie.getName().equals("JSESSIONID"));
    }
    assertThat(sessionsCreated() - before).isZero();
  }

  @Test
  void aPageStillSendsTheVisitorBackAfterSignInButAnApiCallIsNotWhereTheyReturn() {
    String email = "session-" + UUID.randomUUID() + "@example.org";
    directory.create(new NewAccount(email, "Session Person", EnumSet.of(Role.STUDENT), null, PASSWORD));

    var browser = new CookieClient(port);
    var page = browser.get("/account/sign-ins");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    assertThat(browser.get("/sign-in").statusCode()).isEqualTo(200);
    var signedIn = browser.postForm("/sign-in", "email", email, "password", PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/account/sign-ins?continue");
    assertThat(browser.get("/account/sign-ins").statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/v1/me").body()).contains(email); // the session works for the API too

    var other = new CookieClient(port);
    assertThat(other.get("/sign-in").statusCode()).isEqualTo(200); // a session, as a visitor's browser has one
    assertThat(other.get("/api/v1/me").statusCode()).isEqualTo(401);
    var afterApi = other.postForm("/sign-in", "email", email, "password", PASSWORD);
    assertThat(afterApi.statusCode()).isEqualTo(302);
    assertThat(afterApi.headers().firstValue("Location").orElseThrow()).doesNotContain("/api/");
  }
}
