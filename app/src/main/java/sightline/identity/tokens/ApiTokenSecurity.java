package sightline.identity.tokens;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds bearer tokens to the application's one security filter chain ({@code system.SecurityConfiguration}) through a
 * {@code Customizer<HttpSecurity>} bean, which Spring Security applies to every {@code HttpSecurity} before the chain
 * is built; system thus needs no knowledge of identity. What it adds:
 * <ul>
 *   <li>{@code /api/v1/auth/**} is open and exempt from CSRF (no session there; the body is the credential);</li>
 *   <li>an {@code Authorization: Bearer} header authenticates {@code /api/**} requests, and only those (pages
 *       keep cookie sessions and CSRF); the resource server exempts requests that carry one from CSRF, because a
 *       browser never adds that header on its own;</li>
 *   <li>a bad bearer token gets a 401 problem with {@code WWW-Authenticate: Bearer error="invalid_token"}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class ApiTokenSecurity {

  static final String AUTH_ENDPOINTS = "/api/v1/auth/**";

  @Bean
  JwtDecoder accessTokenDecoder(AccessTokens accessTokens) {
    return accessTokens.decoder();
  }

  @Bean
  Customizer<HttpSecurity> apiTokenAuthentication(JwtDecoder accessTokenDecoder, JsonMapper json,
      MessageSource messages, LocaleResolver locales) {
    AuthenticationEntryPoint rejected = (request, response, e) -> writeRejection(json, messages,
        locales.resolveLocale(request), request, response, e);
    return http -> http
        .authorizeHttpRequests(requests -> requests.requestMatchers(AUTH_ENDPOINTS).permitAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(AUTH_ENDPOINTS))
        .oauth2ResourceServer(server -> server
            .bearerTokenResolver(apiRequestsOnly())
            .authenticationEntryPoint(rejected)
            .jwt(jwt -> jwt
                .decoder(accessTokenDecoder)
                .jwtAuthenticationConverter(token -> new AccessTokenAuthentication(AccessTokens.signedInUser(token),
                    token))));
  }

  private static BearerTokenResolver apiRequestsOnly() {
    var header = new DefaultBearerTokenResolver();
    return request -> isApi(request) ? header.resolve(request) : null;
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static void writeRejection(JsonMapper json, MessageSource messages, Locale locale,
      HttpServletRequest request, HttpServletResponse response, @Nullable AuthenticationException e)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
    problem.setType(URI.create(messages.getMessage("problem.accessTokenRejected.type", null, locale)));
    problem.setTitle(messages.getMessage("problem.accessTokenRejected.title", null, locale));
    problem.setDetail(messages.getMessage("problem.accessTokenRejected.detail", null, locale));
    problem.setInstance(URI.create(request.getRequestURI()));
    // RFC 6750 section 3: the challenge names the error; the reason (expired, bad signature…) stays on the server.
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
