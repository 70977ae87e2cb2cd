package sightline.attendance.checkin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.AttemptView;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInView;
import sightline.courses.ClassSessionId;
import sightline.identity.AccountId;
import sightline.identity.SignedInUser;

/**
 * Check-in for phone apps and the check-in page: a student checks in to an open session after a passed CHECK_IN
 * liveness session, and reads their own records and attempts; a course's teachers (and administrators) read a
 * session's records and attempt log and mark or correct a student with a remark.
 */
@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance: check-in", description = "A student's own check-in to a class session (face with liveness, "
    + "place, optional QR code), their history, and the teacher's records, attempt log and corrections.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CheckInApiController {

  /**
   * A check-in.
   *
   * @param livenessSessionId a passed liveness session of the caller, purpose CHECK_IN (used up by this request)
   * @param latitude          the device's position (degrees), from the browser's geolocation
   * @param accuracyMetres    the position's accuracy radius
   * @param deviceId          a random id the app keeps on the device (stored only as a salted hash)
   * @param qrToken           the token of the QR code the teacher shows, when they show one
   */
  record CheckInForm(@Nullable UUID livenessSessionId, @Nullable Double latitude, @Nullable Double longitude,
      @Nullable Double accuracyMetres, @Nullable @Size(max = 200) String deviceId,
      @Nullable @Size(max = 100) String qrToken) {
  }

  /** A teacher's mark or correction. */
  record MarkForm(@NotNull UUID studentId, @NotNull AttendanceStatus status, @NotNull @Size(max = 500) String remark) {
  }

  /** An attendance record. Similarity in [-1, 1], liveness score in [0, 1], distances in metres. */
  record CheckInResponse(UUID id, UUID sessionId, UUID courseId, UUID studentId, AttendanceStatus status,
      CheckInMethod method, Instant recordedAt, @Nullable Double similarity, @Nullable Double livenessScore,
      @Nullable Double distanceMetres, @Nullable Double accuracyMetres, @Nullable String remark, Instant updatedAt) {

    static CheckInResponse of(CheckInView view) {
      return new CheckInResponse(view.id().value(), view.session().value(), view.course().value(),
          view.student().value(), view.status(), view.method(), view.recordedAt(), view.evidence().similarity(),
          view.evidence().livenessScore(), view.evidence().distanceMetres(), view.evidence().accuracyMetres(),
          view.remark(), view.updatedAt());
    }
  }

  /** A check-in attempt; the device hash and address only in a teacher's attempt log. */
  record AttemptResponse(UUID id, UUID sessionId, UUID courseId, @Nullable UUID studentId, CheckInMethod method,
      AttemptOutcome outcome, String reason, Instant at, @Nullable Double similarity, @Nullable Double livenessScore,
      @Nullable Double distanceMetres, @Nullable Double accuracyMetres, @Nullable String deviceHash,
      @Nullable String ipAddress) {
  }

  /** Whether the camera may start: ACCEPTED, or the first refusal of the checks that need no camera. */
  record PreflightResponse(AttemptOutcome outcome, String message, boolean online, @Nullable Long distanceMetres,
      @Nullable Integer radiusMetres, boolean qrRequired) {
  }

  private final SelfCheckIn checkIn;
  private final AttendanceRecords records;
  private final Rosters rosters;
  private final MessageSource messages;

  CheckInApiController(SelfCheckIn checkIn, AttendanceRecords records, Rosters rosters, MessageSource messages) {
    this.checkIn = checkIn;
    this.records = records;
    this.rosters = rosters;
    this.messages = messages;
  }

  @PostMapping("/sessions/{sessionId}/check-ins")
  @Operation(summary = "Check in to a class session", description = "Runs the checks in order (student, enrolled, "
      + "session open, location given, accurate enough and inside the place, not yet checked in, QR code when shown, "
      + "10 attempts a minute, the liveness session passed, the face matches) and records the attempt. Refusals are "
      + "problems with `outcome`; 429 carries Retry-After.")
  @ApiResponse(responseCode = "201", description = "Checked in: the new record")
  @ApiResponse(responseCode = "403", description = "NOT_A_STUDENT or NOT_ENROLLED",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "SESSION_NOT_OPEN or ALREADY_CHECKED_IN",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "422", description = "Location, QR code, liveness or face refused",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS; Retry-After says when to try again",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<CheckInResponse> checkIn(@PathVariable UUID sessionId, @Valid @RequestBody CheckInForm form,
      @AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
    CheckInView recorded = checkIn.checkIn(user, new ClassSessionId(sessionId),
        new SelfCheckIn.Request(form.livenessSessionId(),
            new SelfCheckIn.Location(form.latitude(), form.longitude(), form.accuracyMetres()), form.deviceId(),
            form.qrToken()), ClientInfo.of(request));
    return ResponseEntity.created(URI.create("/api/v1/attendance/my/check-ins/" + recorded.id()))
        .body(CheckInResponse.of(recorded));
  }

  @GetMapping("/sessions/{sessionId}/check-ins/preflight")
  @Operation(summary = "Check the location and the rest before the camera starts", description = "The checks that "
      + "need no camera, without recording an attempt; the answer's message is in the caller's language.")
  PreflightResponse preflight(@PathVariable UUID sessionId, @RequestParam(required = false) @Nullable Double latitude,
      @RequestParam(required = false) @Nullable Double longitude,
      @RequestParam(required = false) @Nullable Double accuracyMetres,
      @RequestParam(required = false) @Nullable String qrToken, @AuthenticationPrincipal SignedInUser user,
      Locale locale) {
    var id = new ClassSessionId(sessionId);
    SelfCheckIn.Preflight answer = checkIn.preflight(user, id,
        new SelfCheckIn.Location(latitude, longitude, accuracyMetres), qrToken);
    Facts facts = answer.facts();
    return new PreflightResponse(answer.outcome(),
        messages.getMessage("checkin.outcome." + answer.outcome(), facts.arguments(), locale),
        answer.session().isOnline(), facts.distanceMetres() == null ? null : Math.round(facts.distanceMetres()),
        facts.radiusMetres(), checkIn.qrRequired(id));
  }

  @GetMapping("/my/check-ins")
  @Operation(summary = "My attendance records, newest first")
  List<CheckInResponse> myCheckIns(@AuthenticationPrincipal SignedInUser user) {
    return records.checkInsOfStudent(user.id()).stream().map(CheckInResponse::of).toList();
  }

  @GetMapping("/my/attempts")
  @Operation(summary = "My check-in attempts with their outcome and reason, newest first (at most 200)")
  List<AttemptResponse> myAttempts(@AuthenticationPrincipal SignedInUser user, Locale locale) {
    return records.attemptsOfStudent(user.id(), 200).stream().map(a -> attempt(a, false, locale)).toList();
  }

  @GetMapping("/sessions/{sessionId}/check-ins")
  @Operation(summary = "A session's attendance records (the course's teachers and administrators)")
  @ApiResponse(responseCode = "404", description = "No such session, or not one of your courses",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  List<CheckInResponse> sessionCheckIns(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user) {
    var id = new ClassSessionId(sessionId);
    rosters.taughtSession(id, user);
    return records.checkInsOfSession(id).stream().map(CheckInResponse::of).toList();
  }

  @GetMapping("/sessions/{sessionId}/attempts")
  @Operation(summary = "A session's attempt log, newest first (the course's teachers and administrators)")
  @ApiResponse(responseCode = "404", description = "No such session, or not one of your courses",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  List<AttemptResponse> sessionAttempts(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      Locale locale) {
    var id = new ClassSessionId(sessionId);
    rosters.taughtSession(id, user);
    return records.attemptsOfSession(id).stream().map(a -> attempt(a, true, locale)).toList();
  }

  @PostMapping("/sessions/{sessionId}/marks")
  @Operation(summary = "Mark a student by hand or correct their record, with a remark", description = "A student "
      + "without a record gets a MANUAL one; an existing record is corrected and keeps its earlier status in its "
      + "corrections.")
  @ApiResponse(responseCode = "400", description = "The remark is blank",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such session or student on its roster, or not your course",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The record already has that status",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  CheckInResponse mark(@PathVariable UUID sessionId, @Valid @RequestBody MarkForm form,
      @AuthenticationPrincipal SignedInUser user) {
    return CheckInResponse.of(rosters.mark(new ClassSessionId(sessionId), new AccountId(form.studentId()),
        form.status(), form.remark(), user));
  }

  private AttemptResponse attempt(AttemptView a, boolean teacher, Locale locale) {
    return new AttemptResponse(a.id(), a.session().value(), a.course().value(),
        a.student() == null ? null : a.student().value(), a.method(), a.outcome(),
        messages.getMessage("checkin.reason." + a.outcome(), null, locale), a.at(), a.evidence().similarity(),
        a.evidence().livenessScore(), a.evidence().distanceMetres(), a.evidence().accuracyMetres(),
        teacher ? a.evidence().deviceHash() : null, teacher ? a.evidence().ipAddress() : null);
  }
}
