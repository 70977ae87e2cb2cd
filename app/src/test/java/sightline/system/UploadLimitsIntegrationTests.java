package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.CookieClient;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * The CSRF-protected upload forms (profile photo, an administrator's face photos, roster import) against uploads
 * beyond the server's multipart limits: a part over 10 MB, or more than 50 parts. The real Tomcat parses the body
 * when the CSRF filter asks for the form's token, so this needs the real server. The answer is a 413 page in the
 * visitor's language, with no stack trace, and the server stays fine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitsIntegrationTests {

  private static final String PASSWORD = "an upload test password";
  private static final String BOUNDARY = "sightline-test-boundary";

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  private CookieClient signedIn(Role role) {
    AccountView account = directory.create(new NewAccount("upload-" + UUID.randomUUID() + "@example.org",
        "Upload Person", EnumSet.of(role), null, PASSWORD));
    var client = new CookieClient(port);
    client.get("/sign-in");
    assertThat(client.postForm("/sign-in", "email", account.email(), "password", PASSWORD).statusCode())
        .isEqualTo(302);
    return client;
  }

  /** The form page's path, to read its CSRF token, and the path it posts to; {id} is an account. */
  private String[] form(String which, CookieClient client) {
    String id = directory.create(new NewAccount("subject-" + UUID.randomUUID() + "@example.org", "Subject",
        EnumSet.of(Role.STUDENT), null, null)).id().value().toString();
    return switch (which) {
      case "profile" -> new String[] {"/account/profile", "/account/profile/photo", "photo"};
      case "face" -> new String[] {"/admin/accounts/" + id + "/face", "/admin/accounts/" + id + "/face/photos",
          "photos"};
      case "roster" -> new String[] {"/admin/accounts/import", "/admin/accounts/import", "file"};
      default -> throw new IllegalArgumentException(which);
    };
  }

  private HttpResponse<String> upload(CookieClient client, String path, String language, int parts, int partBytes,
      String field) {
    var body = new ByteArrayOutputStream();
    field(body, "_csrf", client.csrf().getBytes(StandardCharsets.US_ASCII), null);
    byte[] content = new byte[partBytes];
    for (int i = 0; i < parts; i++) {
      field(body, field, content, "picture-" + i + ".jpg");
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return client.send(HttpRequest.newBuilder(client.uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .header("Accept", "text/html").header("Accept-Language", language)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private static void field(ByteArrayOutputStream body, String name, byte[] content, String fileName) {
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/jpeg") + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @CsvSource({"profile, STUDENT", "face, ADMIN", "roster, ADMIN"})
  void aPartOverTenMegabytesGetsA413PageInTheVisitorsLanguage(String which, Role role) {
    CookieClient client = signedIn(role);
    String[] form = form(which, client);
    assertThat(client.get(form[0]).statusCode()).isEqualTo(200);

    var response = upload(client, form[1], "es", 1, 11 * 1024 * 1024, form[2]);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("demasiado grande").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(client.get(form[0]).statusCode()).as("the session survives").isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({"profile, STUDENT", "face, ADMIN", "roster, ADMIN"})
  void moreThanFiftyPartsGetA413PageInTheVisitorsLanguage(String which, Role role) {
    CookieClient client = signedIn(role);
    String[] form = form(which, client);
    assertThat(client.get(form[0]).statusCode()).isEqualTo(200);

    var response = upload(client, form[1], "hi", 60, 10, form[2]);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("बहुत बड़ा").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theApiStillAnswersAProblemDocument() {
    CookieClient client = signedIn(Role.ADMIN);
    String id = directory.create(new NewAccount("subject-" + UUID.randomUUID() + "@example.org", "Subject",
        EnumSet.of(Role.STUDENT), null, null)).id().value().toString();
    client.get("/account/profile"); // a page, for the session's CSRF token
    var response = upload(client, "/api/v1/biometrics/accounts/" + id + "/photos", "es", 60, 10, "photos");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":413").contains("demasiado grande");
  }
}
