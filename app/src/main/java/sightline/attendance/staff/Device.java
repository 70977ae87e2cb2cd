package sightline.attendance.staff;

import org.jspecify.annotations.Nullable;

/** Where a request came from, as stored beside an attempt: the client's address and its user agent (cut to fit). */
record Device(@Nullable String ipAddress, @Nullable String userAgent) {

  Device {
    ipAddress = cut(ipAddress, 45);
    userAgent = cut(userAgent, 300);
  }

  private static @Nullable String cut(@Nullable String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
