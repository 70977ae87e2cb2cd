package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF tokens kept in the HTTP session, as Spring Security's default, except that an API request from a client
 * without a session never gets one made just to hold a token. Spring Security checks a state-changing request by
 * comparing it with the stored token and, when none is stored, stores a fresh one first; for an anonymous API call
 * that fails the check anyway (it cannot know a token nobody gave it) that meant a new session per request. Pages
 * and API calls from a page (which already has a session) keep their token as before.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

  private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final RequestMatcher api;

  SessionCsrfTokens(RequestMatcher api) {
    this.api = api;
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return sessions.generateToken(request);
  }

  @Override
  public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (token != null && request.getSession(false) == null && api.matches(request)) {
      return;
    }
    sessions.saveToken(token, request, response);
  }

  @Override
  public @Nullable CsrfToken loadToken(HttpServletRequest request) {
    return sessions.loadToken(request);
  }
}
