package sightline.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a request whose query or form parameters hold a NUL character ({@code %00}), which no field has a use for
 * and PostgreSQL's text types cannot store: a 400 (problem for the API, error page for forms) before anything reads
 * it, instead of a 500 from the database when a sign-in attempt or a name is written. JSON bodies have the same rule
 * in {@code JsonConfiguration}. Runs after {@link MultipartGuard}, so multipart text parts are parsed already.
 */
@Component
class ParameterGuard extends OncePerRequestFilter implements OrderedFilter {

  /** After {@link MultipartGuard}, before Spring Security's filter chain (order -100). */
  static final int ORDER = -101;

  private final HandlerExceptionResolver errors;

  ParameterGuard(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    this.errors = errors;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException e) {   // Tomcat 11: a query or form body it cannot decode (e.g. "%ZZ")
      errors.resolveException(request, response, null,
          new ServletRequestBindingException("The request parameters cannot be decoded.", e));
      return;
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      boolean nul = parameter.getKey().indexOf(0) >= 0;
      for (String value : parameter.getValue()) {
        nul |= value != null && value.indexOf(0) >= 0;
      }
      if (nul) {
        errors.resolveException(request, response, null,
            new ServletRequestBindingException("A request parameter holds a NUL character."));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
