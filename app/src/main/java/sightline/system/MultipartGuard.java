package sightline.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Parses a multipart request before Spring Security sees it, so that a body over the multipart limits (a part over
 * {@code spring.servlet.multipart.max-file-size}, more parts than {@code server.tomcat.max-part-count}) or a broken
 * one is answered like any other bad upload: 413 (or 400) as a problem for the API and the friendly error page for
 * forms. Without it the CSRF filter, looking for a form's {@code _csrf} field, is the first to parse, and the
 * container's exception escapes every handler as a 500.
 */
@Component
class MultipartGuard extends OncePerRequestFilter implements OrderedFilter {

  /** Before Spring Security's filter chain (order -100) and {@link ParameterGuard}. */
  static final int ORDER = -102;

  private final HandlerExceptionResolver errors;

  MultipartGuard(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    this.errors = errors;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParts();   // parsed once; everything after reads the parts the container keeps
    } catch (IllegalStateException | IOException | ServletException e) {
      MultipartException refused = tooLarge(e) ? new MaxUploadSizeExceededException(-1, e)
          : new MultipartException("the multipart body is broken", e);
      // Tells the error page's dispatch not to parse the body again (DispatcherServlet checks this attribute), or it
      // would fail the same way and leave the page empty.
      request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, refused);
      errors.resolveException(request, response, null, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the container refused the body for its size or its number of parts (not for being malformed). */
  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SizeException || t instanceof FileCountLimitExceededException) {
        return true;
      }
    }
    return false;
  }
}
