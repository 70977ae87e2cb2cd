package sightline.attendance.kiosk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.record.Evidence;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.courses.ClassSessionId;
import sightline.identity.SignedInUser;
import sightline.system.Times;

/**
 * The classroom kiosk's API, for the kiosk page and for apps: start a student's turn (a liveness session whose frames
 * go to {@code /api/v1/liveness/sessions/{id}/frames} with its nonce), then end it, which identifies the face among
 * the course's roster and checks the student in, or says why not. For the course's teachers and administrators.
 */
@RestController
@RequestMapping("/api/v1/attendance/sessions/{sessionId}/kiosk")
@Tag(name = "Classroom kiosk", description = "A teacher's tablet checks students in by face, identified among the "
    + "course's enrolled students only.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not a teacher of the course",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such class session",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class KioskApiController {

  /** The kiosk's class: whether it takes check-ins now, and how many students are on the roster. */
  record KioskResponse(UUID sessionId, String sessionTitle, UUID courseId, String course, Instant startsAt,
      Instant closesAt, boolean open, int rosterSize) {}

  /**
   * A started turn: the liveness session to run, in the document {@code liveness.js} runs (the same fields as
   * {@code POST /api/v1/liveness/sessions} answers).
   */
  record KioskTurnResponse(UUID id, String nonce, LivenessPurpose purpose, List<Challenge> challenges,
      List<String> challengeTexts, Instant expiresAt, @Nullable String csrfToken) {}

  /** The end of a turn: the liveness session the kiosk ran and its nonce. */
  record EndKioskTurnRequest(@NotNull UUID livenessSession, @NotNull @Size(max = 100) String nonce) {}

  /**
   * The outcome of a turn, with the sentence the kiosk shows.
   *
   * @param studentName who was checked in (or had been already); null for every refusal
   */
  record KioskTurnOutcome(AttemptOutcome outcome, boolean accepted, @Nullable UUID student,
      @Nullable String studentName, @Nullable AttendanceStatus status, @Nullable Instant checkedInAt,
      String message) {}

  /** The greeting names the time of day only: the kiosk's reader knows the date. */
  private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ClassroomKiosk kiosk;
  private final MessageSource messages;
  private final Times times;

  KioskApiController(ClassroomKiosk kiosk, MessageSource messages, Times times) {
    this.kiosk = kiosk;
    this.messages = messages;
    this.times = times;
  }

  @GetMapping
  @Operation(summary = "The kiosk's class session: whether it takes check-ins now and the roster's size")
  KioskResponse showKiosk(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user) {
    ClassroomKiosk.KioskView view = kiosk.open(new ClassSessionId(sessionId), user);
    return new KioskResponse(sessionId, view.session().title(), view.course().id().value(), view.course().label(),
        view.session().startsAt(), view.session().closesAt(), view.open(), view.rosterSize());
  }

  @PostMapping(path = "/turns", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start the next student's turn: a liveness session (purpose CHECK_IN) bound to this class "
      + "session. Send its frames to /api/v1/liveness/sessions/{id}/frames with the X-Liveness-Nonce header.")
  @ApiResponse(responseCode = "201", description = "The liveness session: id, nonce, challenges, expiry")
  @ApiResponse(responseCode = "409", description = "/problems/kiosk-session-not-open")
  @ApiResponse(responseCode = "429", description = "Turns started too fast; Retry-After says when to try again")
  KioskTurnResponse startTurn(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request, Locale locale) {
    LivenessChallenge started = kiosk.startTurn(new ClassSessionId(sessionId), user, request.getRemoteAddr());
    CsrfToken csrf = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token : null;
    return new KioskTurnResponse(started.id().value(), started.nonce(), started.purpose(), started.challenges(),
        started.challenges().stream().map(c -> messages.getMessage("liveness.challenge." + c, null, locale)).toList(),
        started.expiresAt(), csrf == null ? null : csrf.getToken());
  }

  @PostMapping(path = "/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "End a turn once its liveness session has ended: the face is identified among the course's "
      + "enrolled students only (1:N); a match is checked in (Present or Late, method KIOSK), a face that is nobody on "
      + "the roster (UNKNOWN_FACE) or two students about equally (AMBIGUOUS_FACE) is refused. Every turn is recorded "
      + "as an attempt.")
  @ApiResponse(responseCode = "201", description = "Checked in (outcome ACCEPTED)")
  @ApiResponse(responseCode = "200", description = "Refused, or ALREADY_CHECKED_IN, with the outcome saying why")
  @ApiResponse(responseCode = "403", description = "The nonce is not the liveness session's")
  @ApiResponse(responseCode = "409", description = "The liveness session still runs, or was used already")
  ResponseEntity<KioskTurnOutcome> endTurn(@PathVariable UUID sessionId, @Valid @RequestBody EndKioskTurnRequest turn,
      @AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Locale locale) {
    Evidence device = new Evidence(null, null, null, null, null, null, null, request.getRemoteAddr(),
        request.getHeader(HttpHeaders.USER_AGENT));
    ClassroomKiosk.Turn result = kiosk.endTurn(new ClassSessionId(sessionId), user,
        new LivenessSessionId(turn.livenessSession()), turn.nonce(), device);
    boolean accepted = result.outcome().accepted();
    String at = result.at() == null ? "" : CLOCK_TIME.withZone(times.zone()).format(result.at());
    Object[] arguments = {result.studentName(), at,
        result.status() == null ? "" : messages.getMessage("kiosk.status." + result.status(), null, locale)};
    String message = messages.getMessage("kiosk.outcome." + result.outcome(), arguments, locale);
    return ResponseEntity.status(accepted ? HttpStatus.CREATED : HttpStatus.OK).body(new KioskTurnOutcome(
        result.outcome(), accepted, result.student() == null ? null : result.student().value(),
        result.studentName(), result.status(), result.at(), message));
  }
}
