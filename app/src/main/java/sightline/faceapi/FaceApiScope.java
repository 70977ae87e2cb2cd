package sightline.faceapi;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What an API key may do. Each endpoint needs exactly one scope; {@link #ENDPOINTS} is the single table both the
 * security rules and the 403 answer read.
 */
enum FaceApiScope {
  DETECT("detect"),
  VERIFY("verify"),
  RECOGNIZE("recognize"),
  SUBJECTS_READ("subjects:read"),
  SUBJECTS_WRITE("subjects:write");

  /** One endpoint and the scope it needs. */
  record Endpoint(HttpMethod method, String pattern, FaceApiScope scope) {
    RequestMatcher matcher() {
      return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
  }

  static final String BASE = "/api/v1/faces";

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint(POST, BASE + "/detect", DETECT),
      new Endpoint(POST, BASE + "/verify", VERIFY),
      new Endpoint(POST, BASE + "/recognize", RECOGNIZE),
      new Endpoint(GET, BASE + "/subjects", SUBJECTS_READ),
      new Endpoint(GET, BASE + "/subjects/*", SUBJECTS_READ),
      new Endpoint(POST, BASE + "/subjects", SUBJECTS_WRITE),
      new Endpoint(PATCH, BASE + "/subjects/*", SUBJECTS_WRITE),
      new Endpoint(DELETE, BASE + "/subjects/*", SUBJECTS_WRITE),
      new Endpoint(POST, BASE + "/subjects/*/images", SUBJECTS_WRITE),
      new Endpoint(DELETE, BASE + "/subjects/*/images/*", SUBJECTS_WRITE));

  private final String value;

  FaceApiScope(String value) {
    this.value = value;
  }

  /** The name integrators see, e.g. {@code subjects:read}. */
  public String value() {
    return value;
  }

  /** The Spring Security authority a key with this scope holds. */
  String authority() {
    return "FACE_API_SCOPE_" + name();
  }

  static Optional<FaceApiScope> parse(String value) {
    return Arrays.stream(values()).filter(scope -> scope.value.equals(value.strip())).findFirst();
  }

  /** The scope the endpoint a request is for needs; empty for paths that are not endpoints. */
  static Optional<FaceApiScope> requiredFor(HttpServletRequest request) {
    return ENDPOINTS.stream().filter(endpoint -> endpoint.matcher().matches(request)).map(Endpoint::scope)
        .findFirst();
  }
}
