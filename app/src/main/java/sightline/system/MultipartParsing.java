package sightline.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Parses multipart bodies before the security filters read them. The CSRF filter asks a form post for its
 * {@code _csrf} field, which makes Tomcat parse the whole body there, outside Spring MVC: a part over
 * {@code spring.servlet.multipart.max-file-size} or more parts than Tomcat's limit (50) then ended in a 500 with a
 * stack trace. Parsed here, a body beyond the limits becomes the 413 that {@link ErrorHandling} renders everywhere
 * (a problem document for the API, the error page in the visitor's language for pages), and a broken body the
 * 400 for a broken upload; a body within them is parsed once, as it would have been anyway.
 */
@Configuration(proxyBeanMethods = false)
class MultipartParsing {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> multipartParsingFilter(
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new ParseFirst(errors));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1); // just before Spring Security
    return registration;
  }

  private static final class ParseFirst extends OncePerRequestFilter {

    private final HandlerExceptionResolver errors;

    ParseFirst(HandlerExceptionResolver errors) {
      this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
        try {
          request.getParts(); // with the multipart settings of the servlet the request goes to
        } catch (IllegalStateException | ServletException | IOException e) {
          MultipartException refused = tooLarge(e) ? new MaxUploadSizeExceededException(-1, e)
              : new MultipartException("unreadable multipart body", e);
          // Tells the error page's dispatch not to parse the body again (DispatcherServlet checks this attribute),
          // or it would fail the same way and leave the page empty.
          request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, refused);
          errors.resolveException(request, response, null, refused);
          return;
        }
      }
      chain.doFilter(request, response);
    }

    private static boolean tooLarge(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SizeException || cause instanceof FileCountLimitExceededException) {
          return true;
        }
      }
      return false;
    }
  }
}
