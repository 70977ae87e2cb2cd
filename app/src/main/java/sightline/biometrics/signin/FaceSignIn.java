package sightline.biometrics.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sightline.biometrics.BiometricSettings;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceMatching;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessFrameAnswer;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.LivenessSessions;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.VerifiedSignIn;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * Sign-in with face: a liveness session proves a live person in front of the camera, then the face it saw is matched
 * against the claimed account (1:1, e-mail given) or, when an administrator allows it, against everyone enrolled
 * (1:N, face only). Only the server's own analysis of the session's frames counts; the browser sends pictures, never
 * a descriptor. Identity then applies its own rules (status, lockout, second factor, history with method FACE).
 *
 * <p>Every failure gets the same answer — unknown e-mail, not enrolled, no match, liveness failed — and is recorded
 * with its real reason. The claimed account is fixed when the session starts, so a passed session cannot be spent on
 * someone else.
 */
@Component
class FaceSignIn {

  /** A face sign-in in progress, kept in the browser's HTTP session between start and completion. */
  record Attempt(UUID session, String nonce, String identifier, @Nullable AccountId claimed, boolean faceOnly)
      implements Serializable {

    LivenessSessionId sessionId() {
      return new LivenessSessionId(session);
    }
  }

  /** A started face sign-in: the liveness session to run, and the attempt to keep. */
  record Started(LivenessChallenge challenge, Attempt attempt) {}

  private static final String FACE_ONLY_IDENTIFIER = "(face)";

  private final LivenessSessions liveness;
  private final FaceMatching matching;
  private final BiometricSettings settings;
  private final VerifiedSignIn signIn;
  private final RateLimits rateLimits;

  FaceSignIn(LivenessSessions liveness, FaceMatching matching, BiometricSettings settings, VerifiedSignIn signIn,
      RateLimits rateLimits) {
    this.liveness = liveness;
    this.matching = matching;
    this.settings = settings;
    this.signIn = signIn;
    this.rateLimits = rateLimits;
  }

  /** Whether people may sign in by face alone, without typing their e-mail. */
  boolean faceOnlyAllowed() {
    return settings.faceOnlySignIn();
  }

  /**
   * Starts the liveness session of a face sign-in for the account {@code email} names (or, blank, for face only).
   *
   * @throws FaceOnlySignInDisabled when no e-mail is given and face-only sign-in is off
   * @throws RateLimitExceeded after too many sign-in attempts from this address for this identifier (recorded)
   */
  Started start(@Nullable String email, String clientAddress) {
    boolean faceOnly = email == null || email.isBlank();
    if (faceOnly && !settings.faceOnlySignIn()) {
      throw new FaceOnlySignInDisabled();
    }
    String identifier = faceOnly ? FACE_ONLY_IDENTIFIER : email.strip();
    AccountId claimed = faceOnly ? null : signIn.accountFor(identifier).orElse(null);
    try {
      // Face only names nobody: the "sign-in" limit (5 a minute per address and identifier) would then be 5 a minute
      // for everyone behind a school's NAT. Its starts are bounded per address by the liveness session starts (20 a
      // minute), as every face sign-in's are.
      if (!faceOnly) {
        rateLimits.consume("sign-in", clientAddress + "|face|" + identifier.toLowerCase(Locale.ROOT));
      }
    } catch (RateLimitExceeded limited) {
      signIn.recordFailure(claimed, identifier, SignInMethod.FACE, SignInOutcome.RATE_LIMITED);
      throw limited;
    }
    // The session is started without a subject but with the claimed identifier: its failures then count against
    // that identifier, for known and unknown e-mails alike (a 429 never tells that an account exists), and against
    // the address only up to a ceiling far above one person's use, so failing sessions behind a school's NAT locks
    // out the one identifier, not everyone there; and no one can lock a person out of their other face checks. The
    // claimed account stays in the attempt, fixed from here on.
    LivenessChallenge session = liveness.start(LivenessPurpose.SIGN_IN, null,
        faceOnly ? null : identifier.toLowerCase(Locale.ROOT), clientAddress);
    return new Started(session,
        new Attempt(session.id().value(), session.nonce(), identifier, claimed, faceOnly));
  }

  /**
   * Completes a face sign-in once its liveness session has ended: on a live face that matches, signs the browser in
   * (or hands it to the second-factor step).
   *
   * @throws FaceSignInRefused for every failure, after recording it
   * @throws LivenessSessionNotPassed while the session still runs, or when it was used
   */
  VerifiedSignIn.Started complete(Attempt attempt, HttpServletRequest request, HttpServletResponse response) {
    LivenessFrameAnswer ended = liveness.status(attempt.sessionId(), attempt.nonce());
    if (ended.state() == LivenessFrameAnswer.State.FAILED) {
      return refuse(attempt, attempt.claimed(), SignInOutcome.LIVENESS_FAILED);
    }
    LivenessOutcome outcome = liveness.consume(attempt.sessionId());   // running or spent: 409, nothing recorded
    if (attempt.faceOnly() && !settings.faceOnlySignIn()) {
      return refuse(attempt, null, SignInOutcome.BAD_CREDENTIALS);   // switched off since this attempt started
    }
    if (!attempt.faceOnly() && attempt.claimed() == null) {
      return refuse(attempt, null, SignInOutcome.BAD_CREDENTIALS);
    }
    if (outcome.probe() == null) {
      return refuse(attempt, attempt.claimed(), SignInOutcome.LIVENESS_FAILED);
    }
    FaceDecision decision = attempt.faceOnly()
        ? matching.identify(outcome.probe(), null, outcome.passiveLivenessScore(), FaceDecision.Purpose.SIGN_IN, null)
        : matching.verify(attempt.claimed(), outcome.probe(), outcome.passiveLivenessScore(),
            FaceDecision.Purpose.SIGN_IN, null);
    if (!decision.isMatch()) {
      SignInOutcome why = decision.outcome() == FaceDecision.Outcome.NOT_LIVE ? SignInOutcome.LIVENESS_FAILED
          : SignInOutcome.FACE_NOT_MATCHED;
      return refuse(attempt, attempt.claimed(), why);
    }
    AccountId account = attempt.faceOnly() ? decision.matched() : attempt.claimed();
    try {
      Set<Role> secondFactorFor = settings.adminFaceSecondFactor() ? Set.of(Role.ADMIN) : Set.of();
      return signIn.startBrowserSession(account, attempt.identifier(), SignInMethod.FACE, secondFactorFor, request,
          response);
    } catch (VerifiedSignIn.Refused refused) {
      throw new FaceSignInRefused();
    }
  }

  private VerifiedSignIn.Started refuse(Attempt attempt, @Nullable AccountId account, SignInOutcome outcome) {
    signIn.recordFailure(account, attempt.identifier(), SignInMethod.FACE, outcome);
    throw new FaceSignInRefused();
  }
}
