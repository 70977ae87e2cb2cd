package sightline.courses.teaching;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import sightline.courses.Place;
import sightline.courses.catalogue.SessionPlan;

/**
 * A session as the page plans it: a local date and time with the browser's time zone (filled in by
 * {@code course-sessions.js}; the school's zone without JavaScript), an end time on the same day, an optional weekly
 * repeat, and a place or "online".
 *
 * @param online true for an online session (no place); otherwise latitude and longitude are needed
 */
record SessionForm(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 100) String room,
    @NotNull @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime startsAt,
    @NotNull @DateTimeFormat(iso = ISO.TIME) LocalTime endsAt,
    @Nullable @DateTimeFormat(iso = ISO.DATE) LocalDate repeatUntil, boolean online,
    @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude,
    @Nullable @DecimalMin("1") @DecimalMax("10000") Integer radiusMetres,
    @Nullable @Size(max = 60) String zone) {

  static SessionForm empty(ZoneId school) {
    LocalDateTime next = LocalDateTime.now(school).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
    return new SessionForm("", "", next, LocalTime.of(10, 0), null, false, null, null, Place.DEFAULT_RADIUS_METRES,
        school.getId());
  }

  /** The browser's zone when it sent a valid one, else the school's. */
  ZoneId zoneOr(ZoneId school) {
    try {
      return zone == null || zone.isBlank() ? school : ZoneId.of(zone.strip());
    } catch (DateTimeException unknown) {
      return school;
    }
  }

  /** Whether a place session lacks its position (the field that needs filling in), else null. */
  @Nullable String missingPlaceField() {
    if (online) {
      return null;
    }
    return latitude == null ? "latitude" : longitude == null ? "longitude" : null;
  }

  SessionPlan plan(ZoneId zone) {
    var start = startsAt.atZone(zone);
    var end = startsAt.toLocalDate().atTime(endsAt).atZone(zone);
    Place place = online || latitude == null || longitude == null ? null
        : new Place(latitude, longitude, radiusMetres == null ? Place.DEFAULT_RADIUS_METRES : radiusMetres);
    return new SessionPlan(title, room == null ? "" : room, start.toInstant(), end.toInstant(), place);
  }
}
