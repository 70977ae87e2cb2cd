package sightline.biometrics.liveness;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessPurpose;

/**
 * A started liveness session as its caller sees it: the id, the nonce that binds frames to the caller, the
 * challenges in order with their texts in the caller's language, and when it expires. Every endpoint that starts a
 * session (the liveness API, face sign-in) answers this document, so {@code liveness.js} runs any of them.
 */
public record LivenessSessionView(UUID id, String nonce, LivenessPurpose purpose, List<Challenge> challenges,
    List<String> challengeTexts, Instant expiresAt) {

  /** The document for a session just started. */
  public static LivenessSessionView of(LivenessChallenge started, MessageSource messages, Locale locale) {
    return new LivenessSessionView(started.id().value(), started.nonce(), started.purpose(), started.challenges(),
        started.challenges().stream().map(c -> messages.getMessage("liveness.challenge." + c, null, locale)).toList(),
        started.expiresAt());
  }
}
