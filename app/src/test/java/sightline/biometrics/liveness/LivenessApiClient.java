package sightline.biometrics.liveness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client of the liveness API: its own cookie jar (HTTP session) and the CSRF token read from a
 * page's meta tags, as {@code face-stream.js} sends it.
 */
public final class LivenessApiClient {

  private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response: status, parsed JSON body (or null) and headers. */
  public record Answer(int status, @Nullable JsonNode json, HttpResponse<String> response) {
  }

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String base;
  private String csrfHeader = "X-CSRF-TOKEN";
  private String csrfToken = "";

  public LivenessApiClient(int port) {
    this.base = "http://localhost:" + port;
    Answer page = send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET());
    Matcher m = META.matcher(page.response().body());
    while (m.find()) {
      if (m.group(1).equals("_csrf")) csrfToken = m.group(2);
      else csrfHeader = m.group(2);
    }
    if (csrfToken.isEmpty()) throw new IllegalStateException("no CSRF token on the sign-in page");
  }

  public Answer start(@Nullable String purpose) {
    return send(post("/api/v1/liveness/sessions").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(purpose == null ? "{}" : "{\"purpose\":\"" + purpose + "\"}")));
  }

  /** POSTs a JSON body to any path with this client's cookies and CSRF header (face sign-in's calls). */
  public Answer postJson(String path, String json) {
    return send(post(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** GETs any path as JSON with this client's cookies. */
  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  public Answer frame(UUID session, byte[] jpeg, @Nullable String nonce) {
    var request = post("/api/v1/liveness/sessions/" + session + "/frames").header("Content-Type", "image/jpeg")
        .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg));
    if (nonce != null) request.header("X-Liveness-Nonce", nonce);
    return send(request);
  }

  public Answer status(UUID session) {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/liveness/sessions/" + session))
        .header("Accept", "application/json").GET());
  }

  private HttpRequest.Builder post(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header(csrfHeader, csrfToken);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
      return new Answer(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
