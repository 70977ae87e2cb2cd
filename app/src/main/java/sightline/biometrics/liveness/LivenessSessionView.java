package sightline.biometrics.liveness;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessPurpose;

/**
 * A started liveness session as its caller sees it: the id, the nonce that binds frames to the caller, the
 * challenges in order with their texts in the caller's language, when it expires, and the CSRF token a browser sends
 * with cookie-only calls (null without one). Every endpoint that starts a session (the liveness API, face sign-in)
 * answers this document, so {@code liveness.js} runs any of them.
 */
public record LivenessSessionView(UUID id, String nonce, LivenessPurpose purpose, List<Challenge> challenges,
    List<String> challengeTexts, Instant expiresAt, @Nullable String csrfToken) {

  /** The document for a session just started in {@code request}. */
  public static LivenessSessionView of(LivenessChallenge started, MessageSource messages, Locale locale,
      HttpServletRequest request) {
    CsrfToken csrf = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token : null;
    return new LivenessSessionView(started.id().value(), started.nonce(), started.purpose(), started.challenges(),
        started.challenges().stream().map(c -> messages.getMessage("liveness.challenge." + c, null, locale)).toList(),
        started.expiresAt(), csrf == null ? null : csrf.getToken());
  }
}
