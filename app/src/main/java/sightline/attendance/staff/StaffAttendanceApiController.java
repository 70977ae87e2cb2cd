package sightline.attendance.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sightline.biometrics.LivenessSessionId;
import sightline.courses.Place;
import sightline.identity.SignedInUser;

/**
 * Staff attendance for apps: a teacher's check-in of the day (after a liveness session with purpose CHECK_IN run
 * through {@code /api/v1/liveness/sessions}) and its state; for administrators the school's place and the report.
 */
@RestController
@RequestMapping("/api/v1/attendance/staff")
@Tag(name = "Staff attendance", description = "A teacher checks in once a day at the school's place with their "
    + "face; administrators set the place and read the report.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class StaffAttendanceApiController {

  /**
   * A check-in: the browser's position (all three or none) and the liveness session the teacher ran; without a
   * position the attempt is refused as LOCATION_MISSING before any face is looked at.
   */
  record StaffCheckInRequest(@Nullable UUID livenessSession,
      @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
      @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude,
      @Nullable @DecimalMin("0") @DecimalMax("1000000") Double accuracyMetres) {

    @Nullable Position position() {
      return latitude == null || longitude == null || accuracyMetres == null ? null
          : new Position(latitude, longitude, accuracyMetres);
    }
  }

  /** The outcome of a check-in, with a sentence in the caller's language. */
  record StaffCheckInResponse(StaffOutcome outcome, boolean accepted, @Nullable Instant checkedInAt,
      @Nullable Double distanceMetres, String message) {}

  record AttemptResponse(Instant at, LocalDate day, UUID teacher, String teacherName, StaffOutcome outcome,
      @Nullable Double distanceMetres, @Nullable Double accuracyMetres) {

    static AttemptResponse of(StaffAttendance.AttemptRow row) {
      return new AttemptResponse(row.at(), row.day(), row.teacher().value(), row.teacherName(), row.outcome(),
          row.distanceMetres(), row.accuracyMetres());
    }
  }

  record TodayResponse(LocalDate day, @Nullable Instant checkedInAt, boolean placeSet,
      List<AttemptResponse> attempts) {}

  record PlaceRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
      @NotNull @DecimalMin("1") @DecimalMax("10000") Integer radiusMetres) {}

  /** The school's place; {@code set} is false (and the rest null) until an administrator sets it. */
  record PlaceResponse(boolean set, @Nullable Double latitude, @Nullable Double longitude,
      @Nullable Integer radiusMetres, @Nullable UUID updatedBy, @Nullable Instant updatedAt) {}

  record ReportRowResponse(LocalDate day, UUID teacher, String teacherName, @Nullable Instant checkedInAt,
      @Nullable Double distanceMetres, List<StaffOutcome> refusals) {}

  record ReportResponse(LocalDate from, LocalDate to, List<ReportRowResponse> rows, List<AttemptResponse> attempts) {}

  private final StaffAttendance staff;
  private final MessageSource messages;

  StaffAttendanceApiController(StaffAttendance staff, MessageSource messages) {
    this.staff = staff;
    this.messages = messages;
  }

  @PostMapping(path = "/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Check in for today: the place is checked first (position and its accuracy against the "
      + "school's place), then today's record, then the liveness session (the caller's own, purpose CHECK_IN) and a "
      + "1:1 match of its face. Every attempt is recorded with its outcome.")
  @ApiResponse(responseCode = "201", description = "Checked in (outcome ACCEPTED)")
  @ApiResponse(responseCode = "200", description = "Refused, with the outcome saying why (or ALREADY_CHECKED_IN)")
  @ApiResponse(responseCode = "403", description = "The liveness session is not the caller's CHECK_IN session")
  @ApiResponse(responseCode = "409", description = "The liveness session still runs, or was used already")
  @ApiResponse(responseCode = "429", description = "Too many attempts; Retry-After says when to try again")
  ResponseEntity<StaffCheckInResponse> checkIn(@Valid @RequestBody StaffCheckInRequest request,
      @AuthenticationPrincipal SignedInUser user, HttpServletRequest http, Locale locale) {
    StaffAttendance.Result result = staff.checkIn(user.id(), request.position(),
        request.livenessSession() == null ? null : new LivenessSessionId(request.livenessSession()),
        new Device(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)));
    String message = messages.getMessage("staff.outcome." + result.outcome(), null, locale);
    return ResponseEntity.status(result.outcome().accepted() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new StaffCheckInResponse(result.outcome(), result.outcome().accepted(), result.checkedInAt(),
            result.distanceMetres(), message));
  }

  @GetMapping("/today")
  @Operation(summary = "The caller's check-in of today (the school's time zone) and today's attempts")
  TodayResponse showToday(@AuthenticationPrincipal SignedInUser user) {
    StaffAttendance.Today today = staff.today(user.id());
    return new TodayResponse(today.day(), today.checkedInAt(), today.placeSet(),
        today.attempts().stream().map(AttemptResponse::of).toList());
  }

  @GetMapping("/place")
  @Operation(summary = "The school's place where staff check in (administrators)")
  PlaceResponse showPlace() {
    return staff.place().map(p -> new PlaceResponse(true, p.place().latitude(), p.place().longitude(),
        p.place().radiusMetres(), p.updatedBy().value(), p.updatedAt()))
        .orElse(new PlaceResponse(false, null, null, null, null, null));
  }

  @PutMapping(path = "/place", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Set the school's place: centre and radius in metres (administrators)")
  @ApiResponse(responseCode = "400", description = "A coordinate or the radius is out of range")
  PlaceResponse setPlace(@Valid @RequestBody PlaceRequest request, @AuthenticationPrincipal SignedInUser admin) {
    staff.setPlace(new Place(request.latitude(), request.longitude(), request.radiusMetres()), admin.id());
    return showPlace();
  }

  @GetMapping("/report")
  @Operation(summary = "Staff attendance per day and teacher, with refusals, and every attempt, for days [from, to] "
      + "(at most 92 days; the last 7 days by default) (administrators)")
  @ApiResponse(responseCode = "400", description = "/problems/staff-report-range-invalid")
  ReportResponse showReport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      @Nullable LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      @Nullable LocalDate to) {
    LocalDate last = to != null ? to : staff.currentDay();
    LocalDate first = StaffAttendanceController.checked(from != null ? from : last.minusDays(6), last);
    StaffAttendance.Report report = staff.report(first, last);
    return new ReportResponse(report.from(), report.to(), report.rows().stream()
        .map(r -> new ReportRowResponse(r.day(), r.teacher().value(), r.teacherName(), r.checkedInAt(),
            r.distanceMetres(), r.refusals())).toList(),
        report.attempts().stream().map(AttemptResponse::of).toList());
  }
}
