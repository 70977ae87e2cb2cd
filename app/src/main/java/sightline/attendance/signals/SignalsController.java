package sightline.attendance.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import sightline.courses.ClassSessionId;
import sightline.identity.SignedInUser;

/**
 * A session's fraud signals: the fragment the teacher's live roster loads with htmx, and the same as JSON for the
 * API. Teachers of the course and administrators only ({@code SignalsSecurity} keeps students out).
 */
@Controller
@Tag(name = "Attendance fraud signals", description = "Flags with evidence on a class session, never verdicts.")
class SignalsController {

  /** One student a signal concerns. */
  record StudentRef(UUID id, String name) {}

  /** One signal; see the kinds' meanings in the description. */
  record SignalResponse(FraudSignal.Kind kind, List<StudentRef> students, String detail, int count,
      @Nullable Double value, Instant firstAt, Instant lastAt) {}

  private final FraudSignals signals;

  SignalsController(FraudSignals signals) {
    this.signals = signals;
  }

  @GetMapping("/attendance/sessions/{sessionId}/signals")
  String signalsFragment(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId, Model model) {
    model.addAttribute("found", signals.of(new ClassSessionId(sessionId), user));
    return "attendance/signals :: signals";
  }

  @GetMapping(value = "/api/v1/attendance/sessions/{sessionId}/signals", produces = "application/json")
  @ResponseBody
  @Operation(summary = "A session's fraud signals", description = "Kinds: SHARED_DEVICE (detail: the device "
      + "hash's first 12 hex digits; count: students), SHARED_ADDRESS (detail: the client address; count: students), "
      + "NEAR_THRESHOLD (value: the accepted similarity, within 0.05 above the match threshold given in detail), "
      + "REPEATED_FAILURES (count: refused attempts, 3 or more; detail: their reasons), OUTSIDE_PLACE (count: "
      + "attempts refused as outside the place; value: the nearest distance in metres). For the course's teachers "
      + "and administrators.")
  @ApiResponse(responseCode = "403", description = "Not a teacher of the course", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such session", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  List<SignalResponse> signals(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId) {
    var found = signals.of(new ClassSessionId(sessionId), user);
    return found.signals().stream().map(signal -> new SignalResponse(signal.kind(),
        signal.students().stream().map(s -> new StudentRef(s.value(), found.nameOf(s))).toList(), signal.detail(),
        signal.count(), signal.value(), signal.firstAt(), signal.lastAt())).toList();
  }
}
