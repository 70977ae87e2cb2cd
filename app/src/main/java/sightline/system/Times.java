package sightline.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How pages show instants: in the school's time zone ({@code sightline.time-zone}, an IANA name such as
 * {@code Asia/Kolkata}; the server's zone when unset), with the zone named, so that a time on a page never leaves
 * its reader guessing. Templates use it through {@code fragments/time :: at(instant)}, which also carries the instant
 * itself so that the browser can show it in the reader's own zone when that differs ({@code local-times.js}).
 */
@Component("times")
public final class Times {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ZoneId zone;

  Times(@Value("${sightline.time-zone:}") String zone) {
    this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip());
  }

  /** The school's time zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The school's time zone's IANA name, for pages ({@code <body data-time-zone>}, read by {@code local-times.js}). */
  public String zoneName() {
    return zone.getId();
  }

  /** The instant as {@code 2026-12-07 14:05} in the school's zone; empty for null. */
  public String minutes(@Nullable Instant at) {
    return at == null ? "" : MINUTES.format(at.atZone(zone));
  }

  /** The instant to the second, for histories where the order of attempts within a minute matters. */
  public String seconds(@Nullable Instant at) {
    return at == null ? "" : SECONDS.format(at.atZone(zone));
  }

  /** The instant in ISO-8601 (UTC), for the {@code datetime} attribute of {@code <time>}. */
  public String iso(@Nullable Instant at) {
    return at == null ? "" : at.toString();
  }
}
