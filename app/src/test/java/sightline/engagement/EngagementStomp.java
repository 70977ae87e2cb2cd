package sightline.engagement;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A student or teacher on the real WebSocket, for tests and the load benchmark: signs in through the sign-in form
 * (the session cookie authenticates the handshake, as in a browser) and speaks STOMP with Spring's client.
 */
public final class EngagementStomp implements AutoCloseable {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final WebSocketStompClient client;
  private final StompSession session;

  private EngagementStomp(WebSocketStompClient client, StompSession session) {
    this.client = client;
    this.session = session;
  }

  /** Signs in with the form and returns the session cookie ({@code JSESSIONID=…}). */
  public static String signIn(int port, String email, String password) throws Exception {
    var cookies = new CookieManager();
    var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    URI signIn = URI.create("http://localhost:" + port + "/sign-in");
    String form = http.send(HttpRequest.newBuilder(signIn).build(), HttpResponse.BodyHandlers.ofString()).body();
    var csrf = CSRF.matcher(form);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page");
    }
    var response = http.send(HttpRequest.newBuilder(signIn)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
        .build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in of " + email + " failed: " + response.statusCode());
    }
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::toString).findFirst().orElseThrow();
  }

  /** Opens a STOMP session over {@code /ws} with the signed-in cookie, on a client of its own. */
  public static EngagementStomp connect(int port, String cookie) throws Exception {
    return connect(newClient(), port, cookie);
  }

  /** A STOMP client that many sessions may share (the load benchmark opens hundreds). */
  public static WebSocketStompClient newClient() {
    var client = new WebSocketStompClient(new StandardWebSocketClient());
    client.setMessageConverter(new JacksonJsonMessageConverter());
    client.setInboundMessageSizeLimit(1 << 20);
    return client;
  }

  /** Opens a STOMP session over {@code /ws} with the signed-in cookie, on {@code client}. */
  public static EngagementStomp connect(WebSocketStompClient client, int port, String cookie) throws Exception {
    var headers = new WebSocketHttpHeaders();
    headers.add("Cookie", cookie);
    StompSession session = client.connectAsync("ws://localhost:" + port + "/ws", headers,
        new StompSessionHandlerAdapter() {}).get(30, TimeUnit.SECONDS);
    return new EngagementStomp(client, session);
  }

  /** Subscribes, handing each message (a JSON object) to {@code onMessage}. */
  @SuppressWarnings("unchecked")
  public StompSession.Subscription subscribe(String destination, Consumer<Map<String, Object>> onMessage) {
    return session.subscribe(destination, new StompFrameHandler() {
      @Override
      public Type getPayloadType(StompHeaders headers) {
        return Map.class;
      }

      @Override
      public void handleFrame(StompHeaders headers, Object payload) {
        onMessage.accept((Map<String, Object>) payload);
      }
    });
  }

  /** Sends a frame to the session's frames destination, as the student's page does. */
  public void sendFrame(Object sessionId, byte[] jpeg) {
    sendEncoded(sessionId, Base64.getEncoder().encodeToString(jpeg));
  }

  /** Sends a frame already in Base64. */
  public void sendEncoded(Object sessionId, String base64) {
    session.send("/app/engagement/sessions/" + sessionId + "/frames", Map.of("jpeg", base64));
  }

  public boolean isConnected() {
    return session.isConnected();
  }

  /** Disconnects; the client is stopped too unless it is shared. */
  public void close(boolean stopClient) {
    if (session.isConnected()) {
      session.disconnect();
    }
    if (stopClient) {
      client.stop();
    }
  }

  @Override
  public void close() {
    close(true);
  }
}
