package sightline.identity.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * SMS through a gateway's HTTP API: one POST to {@code url} whose body is {@code bodyTemplate} with {@code {to}} and
 * {@code {text}} replaced. Values are escaped for the body's content type (JSON string escaping for
 * {@code application/json}, form encoding for {@code application/x-www-form-urlencoded}), so a message cannot change
 * the request's structure. Any status other than 2xx is a failure.
 */
final class HttpSmsSender implements MessageSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI url;
  private final String bodyTemplate;
  private final String contentType;
  private final @Nullable String authorization;

  HttpSmsSender(URI url, String bodyTemplate, String contentType, @Nullable String authorization) {
    this.url = url;
    this.bodyTemplate = bodyTemplate;
    this.contentType = contentType;
    this.authorization = authorization == null || authorization.isBlank() ? null : authorization;
  }

  @Override
  public void send(String recipient, String subject, String text) {
    String body = bodyTemplate.replace("{to}", escape(recipient)).replace("{text}", escape(text));
    var request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("SMS gateway answered HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("SMS gateway unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending an SMS", e);
    }
  }

  private String escape(String value) {
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
    if (contentType.contains("json")) {
      var escaped = new StringBuilder();
      for (char c : value.toCharArray()) {
        switch (c) {
          case '"' -> escaped.append("\\\"");
          case '\\' -> escaped.append("\\\\");
          case '\n' -> escaped.append("\\n");
          case '\r' -> escaped.append("\\r");
          case '\t' -> escaped.append("\\t");
          default -> {
            if (c < 0x20) {
              escaped.append(String.format("\\u%04x", (int) c));
            } else {
              escaped.append(c);
            }
          }
        }
      }
      return escaped.toString();
    }
    return value;
  }
}
