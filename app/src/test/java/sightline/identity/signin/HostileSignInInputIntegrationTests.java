package sightline.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.CookieClient;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.history.SignInHistory;
import sightline.identity.history.SignInRecord;

/**
 * Sign-in with input no client should send but an attacker will: a password that is not valid UTF-16 (a lone
 * surrogate, which JSON's {@code \\u} escapes can carry) and a User-Agent with bytes outside ASCII. Neither may end
 * in a 500 or a screenful of log; both are answered as any sign-in would be, and recorded. Sent as raw bytes over a
 * socket to the real server, so that no client library cleans them up first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileSignInInputIntegrationTests {

  private static final String PASSWORD = "a perfectly ordinary password";

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void watchTheLog() {
    logged.start();
    root().addAppender(logged);
  }

  @AfterEach
  void stopWatching() {
    root().detachAppender(logged);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private AccountView newAccount() {
    return directory.create(new NewAccount("hostile-" + UUID.randomUUID() + "@example.org", "Hostile Input",
        EnumSet.of(Role.STUDENT), null, PASSWORD));
  }

  private List<SignInRecord> history(AccountView account) {
    return history.of(account.id(), 0, 50).getContent();
  }

  @Test
  void aLoneSurrogateAsTheJsonPasswordIsAWrongPasswordRecordedWithoutAStackTrace() {
    AccountView account = newAccount();
    String body = "{\"email\":\"" + account.email() + "\",\"password\":\"\\udfff\"}";

    logged.list.clear();

    String response = exchange(request("POST", "/api/v1/auth/login", "application/json", "Sightline-Test",
        body.getBytes(StandardCharsets.UTF_8)));

    assertThat(statusLine(response)).contains(" 401");
    assertThat(response).contains("/problems/credentials-rejected");
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.PASSWORD);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.BAD_CREDENTIALS);
    });
    assertThat(logged.list).as("log lines for one refused sign-in").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aLoneSurrogateInAPasswordAmongOthersIsRefusedToo() {
    AccountView account = newAccount();
    String body = "{\"email\":\"" + account.email() + "\",\"password\":\"" + PASSWORD + "\\ud800\"}";
    assertThat(statusLine(exchange(request("POST", "/api/v1/auth/login", "application/json", "Sightline-Test",
        body.getBytes(StandardCharsets.UTF_8))))).contains(" 401");
    assertThat(history(account)).singleElement().extracting(SignInRecord::outcome)
        .isEqualTo(SignInOutcome.BAD_CREDENTIALS);
  }

  @Test
  void theSignInFormTreatsWhatABrowserSendsForABrokenCharacterAsAWrongPassword() {
    AccountView account = newAccount();
    var browser = new CookieClient(port);
    browser.get("/sign-in");
    // A browser sends a lone surrogate typed into a form as U+FFFD (EF BF BD): a wrong password like any other.
    var response = browser.postForm("/sign-in", "email", account.email(), "password", "\uFFFD");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?error");
    assertThat(history(account)).singleElement().extracting(SignInRecord::outcome)
        .isEqualTo(SignInOutcome.BAD_CREDENTIALS);
  }

  @Test
  void aFormBodyThatIsNotUtf8IsRefusedWithA400AndNoStackTrace() {
    AccountView account = newAccount();
    var browser = new CookieClient(port);
    browser.get("/sign-in");
    // %ED%BF%BF is U+DFFF encoded as if it were a character: not UTF-8. Tomcat refuses the body before any sign-in
    // code runs, so there is no e-mail address to record it under.
    String form = "email=" + account.email() + "&password=%ED%BF%BF&_csrf=" + browser.csrf();
    String cookie = browser.cookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst()
        .map(c -> "JSESSIONID=" + c.getValue()).orElseThrow();
    logged.list.clear();

    String response = exchange(request("POST", "/sign-in", "application/x-www-form-urlencoded", "Sightline-Test",
        form.getBytes(StandardCharsets.US_ASCII), "Cookie: " + cookie, "Accept: text/html"));

    assertThat(statusLine(response)).contains(" 400");
    assertThat(response).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(logged.list).as("log lines for one refused request").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aLoneSurrogateAsANewPasswordIsRefusedWithA400() {
    String body = "{\"token\":\"no-such-token\",\"password\":\"a long enough password \\udfff\"}";
    String response = exchange(request("POST", "/api/v1/auth/password-reset/confirm", "application/json",
        "Sightline-Test", body.getBytes(StandardCharsets.UTF_8)));
    assertThat(statusLine(response)).contains(" 400");
    assertThat(response).contains("/problems/password-rejected").contains("MALFORMED");
  }

  @Test
  void aUserAgentWithBytesOutsideAsciiStillSignsInAndIsRecorded() {
    AccountView account = newAccount();
    String body = "{\"email\":\"" + account.email() + "\",\"password\":\"" + PASSWORD + "\"}";
    byte[] agent = {'M', 'o', 'z', (byte) 0xFF, (byte) 0xE9, (byte) 0x80, (byte) 0x9B, '/', '1'};

    String response = exchange(request("POST", "/api/v1/auth/login", "application/json",
        new String(agent, StandardCharsets.ISO_8859_1), body.getBytes(StandardCharsets.UTF_8)));

    assertThat(statusLine(response)).contains(" 200");
    assertThat(response).contains("accessToken");
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS);
      assertThat(record.userAgent()).startsWith("Moz").endsWith("/1").doesNotContain("\u009b");
    });
  }

  @Test
  void aVeryLongUserAgentIsShortenedWhenStored() {
    AccountView account = newAccount();
    String body = "{\"email\":\"" + account.email() + "\",\"password\":\"" + PASSWORD + "\"}";
    String response = exchange(request("POST", "/api/v1/auth/login", "application/json",
        "Agent/" + "é".repeat(3000), body.getBytes(StandardCharsets.UTF_8)));
    assertThat(statusLine(response)).contains(" 200");
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS);
      assertThat(record.userAgent()).startsWith("Agent/é").hasSizeLessThanOrEqualTo(512);
    });
  }

  /** An HTTP/1.1 request as bytes; header values are written as ISO-8859-1, one byte per character. */
  private static byte[] request(String method, String path, String contentType, String userAgent, byte[] body,
      String... headers) {
    var out = new ByteArrayOutputStream();
    String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: "
        + contentType + "\r\nContent-Length: " + body.length + "\r\nUser-Agent: " + userAgent + "\r\n"
        + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private String exchange(byte[] request) {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String statusLine(String response) {
    return response.lines().findFirst().orElse("");
  }
}
