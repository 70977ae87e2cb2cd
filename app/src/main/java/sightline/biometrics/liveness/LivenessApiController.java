package sightline.biometrics.liveness;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessFrameAnswer;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotYours;
import sightline.biometrics.LivenessSessions;
import sightline.identity.AccountId;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;

/**
 * The liveness session API. Anonymous callers may start only SIGN_IN sessions; signed-in callers start sessions for
 * themselves. A session is bound to its caller: browsers keep the nonce in their HTTP session (so frames from
 * another browser are refused), API clients without a session send it in {@value #NONCE_HEADER}. Texts in the
 * answers are in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/liveness/sessions")
class LivenessApiController {

  static final String NONCE_HEADER = "X-Liveness-Nonce";
  private static final String NONCES = LivenessApiController.class.getName() + ".nonces";
  private static final int MAX_SESSIONS_PER_BROWSER = 20;

  /** What to start; without a body anonymous callers get SIGN_IN and signed-in callers SELF_TEST. */
  record StartLivenessSessionForm(@Nullable LivenessPurpose purpose) {
  }

  record FrameView(UUID session, LivenessFrameAnswer.State state, @Nullable Challenge challenge,
      @Nullable String challengeText, int challengesMet, int challengeCount, double progress,
      LivenessFrameAnswer.Hint hint, @Nullable String hintText, List<LivenessOutcome.Reason> reasons,
      List<String> reasonTexts, @Nullable Double distanceCm, LivenessFrameAnswer.Advice advice,
      @Nullable String adviceText) {
  }

  private final LivenessSessions sessions;
  private final ImageInput images;
  private final MessageSource messages;

  LivenessApiController(LivenessSessions sessions, ImageInput images, MessageSource messages) {
    this.sessions = sessions;
    this.images = images;
    this.messages = messages;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  LivenessSessionView startSession(@RequestBody(required = false) @Nullable StartLivenessSessionForm form,
      @AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Locale locale) {
    LivenessPurpose purpose = form == null || form.purpose() == null
        ? (user == null ? LivenessPurpose.SIGN_IN : LivenessPurpose.SELF_TEST) : form.purpose();
    if (user == null && purpose != LivenessPurpose.SIGN_IN) {
      throw new LivenessPurposeNotAllowed(purpose);
    }
    AccountId subject = user == null ? null : user.id();
    LivenessChallenge started = sessions.start(purpose, subject, request.getRemoteAddr());
    // Browsers: bind to the HTTP session (anonymous sign-in gets one now). Bearer callers keep no session.
    HttpSession http = request.getSession(user == null);
    if (http != null) {
      remember(http, started);
    }
    return LivenessSessionView.of(started, messages, locale, request);
  }

  @PostMapping(path = "/{id}/frames", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
  FrameView submitFrame(@PathVariable UUID id, @RequestHeader(name = NONCE_HEADER, required = false) @Nullable String nonce,
      HttpServletRequest request, Locale locale) throws IOException {
    var session = new LivenessSessionId(id);
    String proof = nonce(session, nonce, request);
    byte[] frame = images.read(request, ImageUse.FRAME);
    return view(sessions.submitFrame(session, proof, frame), locale);
  }

  @GetMapping("/{id}")
  FrameView showSession(@PathVariable UUID id, @RequestHeader(name = NONCE_HEADER, required = false) @Nullable String nonce,
      HttpServletRequest request, Locale locale) {
    var session = new LivenessSessionId(id);
    return view(sessions.status(session, nonce(session, nonce, request)), locale);
  }

  private FrameView view(LivenessFrameAnswer answer, Locale locale) {
    return new FrameView(answer.session().value(), answer.state(), answer.challenge(),
        answer.challenge() == null ? null : text("liveness.challenge." + answer.challenge(), locale),
        answer.challengesMet(), answer.challengeCount(), answer.progress(), answer.hint(),
        answer.hint() == LivenessFrameAnswer.Hint.NONE ? null : text("liveness.hint." + answer.hint(), locale),
        answer.reasons(), answer.reasons().stream().map(r -> text("liveness.reason." + r, locale)).toList(),
        answer.distanceCm(), answer.advice(), adviceText(answer.advice(), locale));
  }

  private @Nullable String adviceText(LivenessFrameAnswer.Advice advice, Locale locale) {
    return switch (advice) {
      case NONE -> null;
      case CONDITIONS -> text("liveness.advice", locale);
      case CONDITIONS_OR_STAFF -> text("liveness.advice", locale) + " " + text("liveness.advice.fallback", locale);
    };
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  /**
   * The nonce from the header, else the one this browser session holds for the session; refused when neither (an
   * unknown session is 404 either way).
   */
  private String nonce(LivenessSessionId session, @Nullable String header, HttpServletRequest request) {
    if (header != null && !header.isBlank()) {
      return header;
    }
    HttpSession http = request.getSession(false);
    if (http != null && http.getAttribute(NONCES) instanceof Map<?, ?> nonces
        && nonces.get(session.value().toString()) instanceof String held) {
      return held;
    }
    sessions.result(session);   // 404 when unknown
    throw new LivenessSessionNotYours();
  }

  private static void remember(HttpSession http, LivenessChallenge started) {
    synchronized (http) {
      Map<String, String> nonces = http.getAttribute(NONCES) instanceof NonceMap held ? held : new NonceMap();
      nonces.put(started.id().value().toString(), started.nonce());
      http.setAttribute(NONCES, nonces);
    }
  }

  /** The nonces of this browser's latest sessions, oldest dropped first. */
  static final class NonceMap extends LinkedHashMap<String, String> implements Serializable {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_SESSIONS_PER_BROWSER;
    }
  }
}
