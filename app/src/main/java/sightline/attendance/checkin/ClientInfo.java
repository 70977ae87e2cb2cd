package sightline.attendance.checkin;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import sightline.attendance.record.Evidence;

/** The client address and user agent of a check-in request, as they are kept with the attempt. */
final class ClientInfo {

  private ClientInfo() {
  }

  static SelfCheckIn.Client of(HttpServletRequest request) {
    return new SelfCheckIn.Client(request.getRemoteAddr(), userAgent(request));
  }

  /**
   * The User-Agent as sent, cut to the column and with control characters replaced; read from the container's own
   * request because Spring Security's firewall throws on such characters, and the attempt must be kept anyway.
   */
  private static @Nullable String userAgent(HttpServletRequest request) {
    ServletRequest raw = request;
    while (raw instanceof ServletRequestWrapper wrapper) {
      raw = wrapper.getRequest();
    }
    String agent = raw instanceof HttpServletRequest http ? http.getHeader("User-Agent") : null;
    if (agent == null) {
      return null;
    }
    var clean = new StringBuilder();
    agent.codePoints().limit(Evidence.MAX_USER_AGENT).forEach(c ->
        clean.appendCodePoint(Character.isISOControl(c) || !Character.isDefined(c) ? '\uFFFD' : c));
    return clean.toString();
  }
}
