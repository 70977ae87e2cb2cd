package sightline.faceapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * Adds API-key authentication for {@code /api/v1/faces/**} to the application's one security chain through a
 * {@code Customizer<HttpSecurity>} (as {@code identity.tokens.ApiTokenSecurity} does for bearer tokens):
 * <ul>
 *   <li>a filter reads {@code X-Api-Key} on those paths only; a missing, unknown or revoked key (or a disabled
 *       application) gets a 401 problem at once, whoever else the caller is: a browser session never reaches the
 *       face API, so the API's authority comes from keys alone;</li>
 *   <li>a valid key is counted against its rate limit (429 with {@code Retry-After}) and authenticates this
 *       request only: the context is never saved, so keys never create sessions;</li>
 *   <li>each endpoint needs one scope ({@link FaceApiScope#ENDPOINTS}); a key without it gets a 403 problem that
 *       names the scope;</li>
 *   <li>no CSRF on those paths: the credential is a header a browser never adds by itself, and no cookie is read.</li>
 * </ul>
 * Errors are thrown to the MVC exception resolver, so {@code system.ErrorHandling} renders them like every other
 * API problem (type, title and detail from the messages, in the caller's language).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaceApiSettings.class)
class FaceApiKeySecurity {

  static final String KEY_HEADER = "X-Api-Key";
  static final String PATHS = FaceApiScope.BASE + "/**";

  @Bean
  Customizer<HttpSecurity> faceApiKeyAuthentication(FaceApplications applications, RateLimits rateLimits,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    RequestMatcher faces = PathPatternRequestMatcher.withDefaults().matcher(PATHS);
    var filter = new KeyFilter(faces, applications, rateLimits, errors);
    return http -> http
        .authorizeHttpRequests(requests -> {
          for (FaceApiScope.Endpoint endpoint : FaceApiScope.ENDPOINTS) {
            requests.requestMatchers(endpoint.matcher()).hasAuthority(endpoint.scope().authority());
          }
          // Other paths below /api/v1/faces (404 for a key holder) still need a key.
          requests.requestMatchers(faces).hasAuthority(FaceApiKeyAuthentication.KEY_AUTHORITY);
        })
        .csrf(csrf -> csrf.ignoringRequestMatchers(faces))
        .exceptionHandling(handling -> handling.defaultAccessDeniedHandlerFor((request, response, denied) ->
            errors.resolveException(request, response, null, new ScopeMissing(FaceApiScope.requiredFor(request)
                .map(FaceApiScope::value).orElse("?"))), faces))
        .addFilterBefore(filter, AuthorizationFilter.class);
  }

  /** Authenticates face API requests by their key; other requests pass untouched. */
  static final class KeyFilter extends OncePerRequestFilter {

    private final RequestMatcher faces;
    private final FaceApplications applications;
    private final RateLimits rateLimits;
    private final HandlerExceptionResolver errors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    KeyFilter(RequestMatcher faces, FaceApplications applications, RateLimits rateLimits,
        HandlerExceptionResolver errors) {
      this.faces = faces;
      this.applications = applications;
      this.rateLimits = rateLimits;
      this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !faces.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String key = request.getHeader(KEY_HEADER);
      var caller = key == null ? java.util.Optional.<ApiCaller>empty() : applications.authenticate(key.strip());
      if (caller.isEmpty()) {
        errors.resolveException(request, response, null, new ApiKeyRejected());
        return;
      }
      try {
        rateLimits.consume(FaceApiSettings.RATE_LIMIT, caller.get().keyId().toString());
      } catch (RateLimitExceeded limited) {
        errors.resolveException(request, response, null, limited);
        return;
      }
      var context = contexts.createEmptyContext();
      context.setAuthentication(new FaceApiKeyAuthentication(caller.get()));
      contexts.setContext(context); // this request only: SecurityContextHolderFilter clears it, nothing saves it
      chain.doFilter(request, response);
    }
  }
}
