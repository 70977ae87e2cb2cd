package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import sightline.vision.ImageRejected;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become responses. {@code /api/**} requests get RFC 9457 {@code application/problem+json};
 * page requests get the friendly {@code error} page with the same status (through the servlet error dispatch).
 * Unexpected failures are logged with an incident id that the response repeats, never with details the caller
 * should not see.
 */
@ControllerAdvice
class ErrorHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  private final MessageSource messages;

  ErrorHandling(MessageSource messages) {
    this.messages = messages;
  }

  /** A form post that should carry a file but is not multipart, or whose multipart body is broken. */
  @ExceptionHandler(MultipartException.class)
  @Nullable ResponseEntity<Object> handleBrokenUpload(MultipartException ex, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        messages.getMessage("problem.badUpload", null, LocaleContextHolder.getLocale()));
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /** An uploaded picture the vision library refused: the reason, in the caller's language. */
  @ExceptionHandler(ImageRejected.class)
  @Nullable ResponseEntity<Object> handleRejectedImage(ImageRejected ex, WebRequest request) {
    HttpStatus status = switch (ex.reason()) {
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case NOT_AN_IMAGE, UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case TRUNCATED, CORRUPT -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
    // A picture over a limit says which one, so that a client knows what to change (side, aspect ratio, memory...).
    String detail = ex.limit().map(limit -> "problem.image.limit." + limit).orElse("problem.image." + ex.reason());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
        messages.getMessage(detail, null, LocaleContextHolder.getLocale()));
    problem.setType(java.net.URI.create("/problems/image-rejected"));
    problem.setProperty("reason", ex.reason().name());
    ex.limit().ifPresent(limit -> problem.setProperty("limit", limit.name()));
    return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
  }

  /**
   * A header or parameter that Spring Security's firewall refuses to hand out (control characters, for instance),
   * read by a handler: the client sent it, so a 400, not an incident; nothing about it is logged but the path.
   */
  @ExceptionHandler(RequestRejectedException.class)
  @Nullable ResponseEntity<Object> handleRejectedRequest(RequestRejectedException ex, WebRequest request) {
    log.debug("Request refused by the firewall: {}", request.getDescription(false));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        messages.getMessage("problem.requestRejected", null, LocaleContextHolder.getLocale()));
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    String incident = UUID.randomUUID().toString();
    log.error("Unexpected failure, incident {}", incident, ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        messages.getMessage("problem.unexpected", new Object[] {incident}, LocaleContextHolder.getLocale()));
    problem.setProperty("incident", incident);
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())) {
      HttpServletResponse response = servlet.getResponse();
      if (response != null && !response.isCommitted()) {
        try {
          headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
          String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
          if (retryAfter != null) {
            servlet.getRequest().setAttribute(ErrorPages.RETRY_AFTER_SECONDS, Long.parseLong(retryAfter));
          }
          response.sendError(status.value()); // rendered by the error view, in the page's language
          return null;
        } catch (IOException e) {
          log.debug("Could not send error page", e);
        }
      }
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
