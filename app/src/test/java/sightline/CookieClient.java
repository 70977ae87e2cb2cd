package sightline;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A browser without a browser, for tests against the real server on its random port: keeps cookies, never follows
 * redirects, and posts forms with the CSRF token of the page it read last, as a browser submitting that page would.
 */
public final class CookieClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf = "";

  public CookieClient(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** Sends a request built by the caller (its cookies are added), reading the body as text. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      var token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET, remembering the page's CSRF token if it has a form. */
  public HttpResponse<String> get(String path, String... headers) {
    var request = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** POSTs a form with the given name/value pairs and the last page's CSRF token. */
  public HttpResponse<String> postForm(String path, String... namesAndValues) {
    String body = IntStream.iterate(0, i -> i < namesAndValues.length, i -> i + 2)
        .mapToObj(i -> encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]))
        .collect(Collectors.joining("&", "", "&_csrf=" + encode(csrf)));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The CSRF token of the last page that had one. */
  public String csrf() {
    return csrf;
  }

  public List<HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
