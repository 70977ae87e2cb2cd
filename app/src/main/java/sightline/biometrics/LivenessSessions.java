package sightline.biometrics;

import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.system.FrameTooLarge;
import sightline.system.ImageUse;
import sightline.vision.ImageRejected;

/**
 * Liveness sessions: a caller starts a session and gets 2–3 random challenges (blink, turn
 * left or right, look up, come closer) to meet in order before it expires; it then sends camera frames, which the
 * server analyses itself (one face, the same face, head pose, eye states, distance, passive liveness) and answers
 * each with feedback. A passed session proves, once, that a live person was in front of the camera; face sign-in and
 * check-in {@link #consume} it and match its {@link LivenessOutcome#probe()} with {@code FaceMatching}.
 *
 * <p>Sessions live in this server's memory (Sightline is one server, like {@code system.RateLimits}); every ended
 * session is recorded in {@code biometrics.liveness_session} and announced as {@link LivenessSessionEnded}.
 * Thread-safe: frames of one session are analysed one at a time, sessions in parallel (bounded by
 * {@link FaceEngine}).
 */
public interface LivenessSessions {

  /**
   * Starts a session with 2–3 random challenges (production) or the configured fixed list (tests).
   *
   * @param purpose       what it is for; whether the caller may start it is the caller's rule (the HTTP API lets
   *                      anonymous callers start only {@link LivenessPurpose#SIGN_IN})
   * @param subject       the account it is for, if known (the signed-in person, or the claimed one at sign-in)
   * @param clientAddress the caller's IP address, for the failure limit and the record
   * @throws LivenessLimitReached when the subject had too many failed sessions lately (30-minute lockout by
   *                              default), the address reached its far higher ceiling, or starts sessions too fast
   */
  default LivenessChallenge start(LivenessPurpose purpose, @Nullable AccountId subject, String clientAddress) {
    return start(purpose, subject, null, clientAddress);
  }

  /**
   * Starts a session whose failures also count against {@code claim}, the person a sign-in claims to be (an
   * identifier such as a lower-cased e-mail, whether an account has it or not, so that the limit's answer never
   * tells): 5 failed sessions of one claim lock further sessions for that claim only, never for everyone at the
   * caller's address (which has only a ceiling far above one person's use).
   *
   * @throws LivenessLimitReached as {@link #start(LivenessPurpose, AccountId, String)}, and for a locked claim
   */
  LivenessChallenge start(LivenessPurpose purpose, @Nullable AccountId subject, @Nullable String claim,
      String clientAddress);

  /**
   * Analyses one camera frame of a running session and answers where the session stands. Frames after the end are
   * not analysed; they get the final answer again.
   *
   * @param id    the session
   * @param nonce the nonce {@link #start} returned: proves the frame comes from the session's caller
   * @param jpeg  the frame, a JPEG (or PNG) within {@link ImageUse#FRAME}'s limits (640 pixels a side, 300 kB)
   * @throws LivenessSessionNotFound when the session is unknown
   * @throws LivenessSessionNotYours when the nonce is wrong
   * @throws FrameTooLarge          when the frame is larger than {@link ImageUse#FRAME} allows
   * @throws LivenessLimitReached    when frames come faster than the session's frame rate limit
   * @throws ImageRejected when the bytes are not a picture
   */
  LivenessFrameAnswer submitFrame(LivenessSessionId id, String nonce, byte[] jpeg);

  /**
   * Where a session stands (also while it runs). For server-side callers: the outcome carries embeddings.
   *
   * @throws LivenessSessionNotFound when the session is unknown
   */
  LivenessOutcome result(LivenessSessionId id);

  /**
   * Where a session stands, for the caller that started it (the HTTP API's read).
   *
   * @throws LivenessSessionNotFound when the session is unknown
   * @throws LivenessSessionNotYours when the nonce is wrong
   */
  LivenessFrameAnswer status(LivenessSessionId id, String nonce);

  /**
   * Uses a passed session as proof, exactly once: the first call answers its outcome, every later call is refused.
   * The caller must make sure the id came from the client that ran the session (the HTTP API binds sessions to the
   * browser session or the nonce).
   *
   * @throws LivenessSessionNotFound  when the session is unknown
   * @throws LivenessSessionNotPassed when it has not passed (still running or failed) or was consumed before
   */
  LivenessOutcome consume(LivenessSessionId id);
}
