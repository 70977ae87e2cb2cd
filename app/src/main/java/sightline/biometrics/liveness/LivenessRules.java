package sightline.biometrics.liveness;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import sightline.biometrics.Challenge;

/**
 * The liveness session rules, {@code sightline.biometrics.liveness.*}. Defaults are in the compact constructor's
 * {@code @DefaultValue}s; where each came from is in docs/ARCHITECTURE.md ("Biometrics: liveness sessions").
 *
 * @param sessionLifetime      a session fails as expired after this (at most 3 minutes)
 * @param challengeTimeout     each challenge must be met within this after the previous one (or after the face was
 *                             first fixed)
 * @param challenges           the challenges a session draws from (production: all five)
 * @param fixedChallenges      when not empty, every session gets exactly these, in this order (tests only)
 * @param minChallenges        fewest challenges per session
 * @param maxChallenges        most challenges per session
 * @param turnDegrees          yaw change from the first good face for a turn, degrees
 * @param lookUpDegrees        pitch change from the first good face for looking up, degrees
 * @param maxReferenceDegrees  the first good face must be within this of facing the camera (yaw and pitch)
 * @param holdFrames           consecutive frames a turn, look-up or approach must be seen in
 * @param closerRatio          coming closer: distance at most this fraction of the farthest seen in the challenge
 * @param eyeOpenBelow         an eye counts as open when its closed probability is at most this
 * @param eyeClosedAbove       an eye counts as closed when its closed probability is at least this
 * @param sameFaceSimilarity   cosine similarity to the first good face below which a frame is another face
 * @param minLivenessFrames    frames with one face needed before the passive verdict is taken (the site liveness
 *                             policy, {@link LivenessPolicies}, may ask for more; it holds the thresholds)
 * @param focalLengthPerWidth  assumed focal length in units of the frame width (0.866: 60 degree horizontal view)
 * @param framesPerSecond      frames a session accepts per second (burst of twice that)
 * @param maxFailures          failed sessions per subject or client address within {@code failureWindow}...
 * @param failureWindow        ...before a {@code lockout}
 * @param lockout              how long starting is refused after too many failures
 * @param retention            how long an ended session stays readable (result, consume) in memory
 */
@ConfigurationProperties("sightline.biometrics.liveness")
public record LivenessRules(
    @DefaultValue("3m") Duration sessionLifetime,
    @DefaultValue("30s") Duration challengeTimeout,
    @DefaultValue({"BLINK", "TURN_LEFT", "TURN_RIGHT", "LOOK_UP", "COME_CLOSER"}) Set<Challenge> challenges,
    @DefaultValue({}) List<Challenge> fixedChallenges,
    @DefaultValue("2") int minChallenges,
    @DefaultValue("3") int maxChallenges,
    @DefaultValue("15") double turnDegrees,
    @DefaultValue("15") double lookUpDegrees,
    @DefaultValue("20") double maxReferenceDegrees,
    @DefaultValue("2") int holdFrames,
    @DefaultValue("0.8") double closerRatio,
    @DefaultValue("0.3") double eyeOpenBelow,
    @DefaultValue("0.5") double eyeClosedAbove,
    @DefaultValue("0.5") double sameFaceSimilarity,
    @DefaultValue("3") int minLivenessFrames,
    @DefaultValue("0.866") double focalLengthPerWidth,
    @DefaultValue("10") int framesPerSecond,
    @DefaultValue("5") int maxFailures,
    @DefaultValue("3m") Duration failureWindow,
    @DefaultValue("30m") Duration lockout,
    @DefaultValue("10m") Duration retention) {

  public LivenessRules {
    if (sessionLifetime.compareTo(Duration.ofMinutes(3)) > 0 || sessionLifetime.isNegative()) {
      throw new IllegalArgumentException("sightline.biometrics.liveness.session-lifetime must be at most 3 minutes");
    }
    challenges = challenges.isEmpty() ? EnumSet.allOf(Challenge.class) : EnumSet.copyOf(challenges);
    fixedChallenges = List.copyOf(fixedChallenges);
    if (minChallenges < 1 || maxChallenges < minChallenges) {
      throw new IllegalArgumentException("liveness challenges per session: need 1 <= min <= max");
    }
    if (!(closerRatio > 0 && closerRatio < 1)) {
      throw new IllegalArgumentException("sightline.biometrics.liveness.closer-ratio must be in (0, 1)");
    }
    if (!(eyeOpenBelow < eyeClosedAbove)) {
      throw new IllegalArgumentException("eye-open-below must be below eye-closed-above");
    }
  }

  /** The defaults, for tests and tools. */
  public static LivenessRules defaults() {
    return new LivenessRules(Duration.ofMinutes(3), Duration.ofSeconds(30), EnumSet.allOf(Challenge.class), List.of(),
        2, 3, 15, 15, 20, 2, 0.8, 0.3, 0.5, 0.5, 3, 0.866, 10, 5, Duration.ofMinutes(3),
        Duration.ofMinutes(30), Duration.ofMinutes(10));
  }

  /** These rules with another challenge timeout. */
  public LivenessRules withChallengeTimeout(Duration timeout) {
    return new LivenessRules(sessionLifetime, timeout, challenges, fixedChallenges, minChallenges, maxChallenges,
        turnDegrees, lookUpDegrees, maxReferenceDegrees, holdFrames, closerRatio, eyeOpenBelow, eyeClosedAbove,
        sameFaceSimilarity, minLivenessFrames, focalLengthPerWidth, framesPerSecond, maxFailures,
        failureWindow, lockout, retention);
  }
}
