package sightline.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a browser whose password was right, but whose account needs its second factor, to the second-factor page
 * instead of back to the sign-in form. Form login itself belongs to {@code system.SecurityConfiguration}, which
 * answers every failed sign-in with a redirect; {@link PasswordSignIn} marks this case with a request attribute,
 * and this filter, wrapped around the form-login POST, rewrites that one redirect and keeps the pending state in
 * the session ({@link PendingSignIn#storeIn}).
 */
class SecondFactorRedirect extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/sign-in"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void sendRedirect(String location) throws IOException {
        super.sendRedirect(rewrite(request, location));
      }

      @Override
      public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        super.sendRedirect(rewrite(request, location), sc, clearBuffer);
      }
    });
  }

  private static String rewrite(HttpServletRequest request, String location) {
    if (!(request.getAttribute(PendingSignIn.REQUEST_KEY) instanceof PendingSignIn pending)) {
      return location;
    }
    request.removeAttribute(PendingSignIn.REQUEST_KEY);
    return request.getContextPath() + pending.storeIn(request);
  }
}
