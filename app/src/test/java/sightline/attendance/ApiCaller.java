package sightline.attendance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A phone app's view of the API: signs in for a bearer token, then sends JSON (and liveness frames) with it. */
public final class ApiCaller {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A response: status, parsed JSON body (or null) and the raw response. */
  public record Answer(int status, @Nullable JsonNode json, HttpResponse<String> response) {

    public String outcome() {
      return json == null || json.get("outcome") == null ? "" : json.get("outcome").asString();
    }
  }

  private final String base;
  private final String token;

  public ApiCaller(int port, String email, String password) {
    this.base = "http://localhost:" + port;
    Answer login = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
    if (login.status() != 200 || login.json() == null) {
      throw new IllegalStateException("sign-in failed: " + login.response().body());
    }
    this.token = login.json().get("accessToken").asString();
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer frame(UUID session, String nonce, byte[] jpeg) {
    return send(request("/api/v1/liveness/sessions/" + session + "/frames").header("Content-Type", "image/jpeg")
        .header("X-Liveness-Nonce", nonce).POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)));
  }

  /** A check-in body: liveness session, position and device id; null parts are sent as null. */
  public static String checkIn(@Nullable UUID liveness, double @Nullable [] position, @Nullable Double accuracy,
      String deviceId) {
    return "{\"livenessSessionId\":" + (liveness == null ? "null" : "\"" + liveness + "\"")
        + ",\"latitude\":" + (position == null ? "null" : position[0])
        + ",\"longitude\":" + (position == null ? "null" : position[1])
        + ",\"accuracyMetres\":" + accuracy + ",\"deviceId\":\"" + deviceId + "\"}";
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Authorization", "Bearer " + token);
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isBlank() || !response.headers().firstValue("Content-Type").orElse("")
          .contains("json") ? null : JSON.readTree(response.body());
      return new Answer(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
