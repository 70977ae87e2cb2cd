package sightline.biometrics.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessFrameAnswer.Hint;
import sightline.biometrics.LivenessFrameAnswer.State;
import sightline.biometrics.LivenessOutcome.Reason;
import sightline.vision.Point;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.liveness.FrameEvidence;
import sightline.vision.liveness.LivenessPolicy;
import sightline.vision.liveness.QualityProblem;

/** The liveness rules on sequences of per-frame observations, without a model. */
class ChallengeRunTests {

  private static final Instant START = Instant.parse("2026-12-07T03:00:00Z");
  private static final LivenessRules RULES = LivenessRules.defaults();
  private static final FaceEmbedding ME = embedding(1, 0, 0);
  private static final FaceEmbedding ME_TURNED = embedding(0.8, 0.6, 0);   // cosine 0.8 with ME
  private static final FaceEmbedding SOMEONE_ELSE = embedding(0, 0, 1);
  /** The shipped policy without the motion cue: these frames carry no landmarks. */
  private static final SitePolicy PASSIVE_ONLY = new SitePolicy(1, LivenessPolicy.defaults(), true, false, true,
      SitePolicy.Source.DEFAULT, "", START, null);
  private static final SitePolicy WITH_MOTION = new SitePolicy(2, LivenessPolicy.defaults(), true, true, true,
      SitePolicy.Source.DEFAULT, "", START, null);

  private Instant now = START;
  private final ChallengeRun.Step[] last = new ChallengeRun.Step[1];

  @Test
  void passesWhenEveryChallengeIsMetInOrder() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT, Challenge.COME_CLOSER);
    frontal(run, 3);
    assertThat(last[0].challenge()).isEqualTo(Challenge.BLINK);
    feed(run, face(0, 0, 0.9, 0.95, 100, ME));                 // closed
    feed(run, face(0, 0, 0.0, 0.0, 100, ME));                  // open again: blink
    assertThat(last[0].challenge()).isEqualTo(Challenge.TURN_LEFT);
    assertThat(last[0].challengesMet()).isEqualTo(1);
    feed(run, face(-20, 0, 0, 0, 95, ME_TURNED));               // nose to the picture's right: the person's left
    assertThat(last[0].state()).isEqualTo(State.RUNNING);       // held for one frame only
    feed(run, face(-22, 0, 0, 0, 95, ME_TURNED));
    assertThat(last[0].challenge()).isEqualTo(Challenge.COME_CLOSER);
    feed(run, face(0, 0, 0, 0, 110, ME));
    feed(run, face(0, 0, 0, 0, 130, ME));                       // distance 100/130 = 0.77 of the start
    feed(run, face(0, 0, 0, 0, 135, ME));
    assertThat(last[0].state()).isEqualTo(State.PASSED);
    assertThat(last[0].progress()).isEqualTo(1.0);
    assertThat(run.challengesMet()).containsExactly(Challenge.BLINK, Challenge.TURN_LEFT, Challenge.COME_CLOSER);
    assertThat(run.metAfter()).hasSize(3).isSorted();
    assertThat(run.probe()).isEqualTo(ME);
    assertThat(run.consistentFace().similarity(ME)).isGreaterThan(0.95);
    assertThat(run.passiveLivenessScore()).isEqualTo(0.99);
  }

  @Test
  void aTurnTheOtherWayDoesNotCount() {
    var run = run(Challenge.TURN_RIGHT, Challenge.BLINK);
    frontal(run, 2);
    for (int i = 0; i < 5; i++) feed(run, face(-30, 0, 0, 0, 100, ME_TURNED));
    assertThat(last[0].challenge()).isEqualTo(Challenge.TURN_RIGHT);
    feed(run, face(25, 0, 0, 0, 100, ME_TURNED));
    feed(run, face(25, 0, 0, 0, 100, ME_TURNED));
    assertThat(last[0].challenge()).isEqualTo(Challenge.BLINK);
  }

  @Test
  void turnsAndLookUpAreMeasuredFromTheFirstGoodFace() {
    var run = run(Challenge.LOOK_UP, Challenge.TURN_RIGHT);
    feed(run, face(10, 8, 0, 0, 100, ME));            // reference: a little turned and raised already
    feed(run, face(10, 20, 0, 0, 100, ME));
    feed(run, face(10, 20, 0, 0, 100, ME));           // only 12 degrees above the reference
    assertThat(last[0].challenge()).isEqualTo(Challenge.LOOK_UP);
    assertThat(last[0].progress()).isBetween(0.3, 0.5);
    feed(run, face(10, 24, 0, 0, 100, ME));
    feed(run, face(10, 25, 0, 0, 100, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.TURN_RIGHT);
  }

  @Test
  void aStillPhotoFailsWithNoBlinkSeenWhenTheChallengeTimesOut() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT);
    for (int i = 0; i < 20; i++) {
      feed(run, face(3, -2, 0.01, 0.02, 100, ME));
    }
    assertThat(last[0].state()).isEqualTo(State.RUNNING);
    now = now.plus(RULES.challengeTimeout());
    feed(run, face(3, -2, 0.01, 0.02, 100, ME));
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).containsExactly(Reason.NO_BLINK_SEEN);
    assertThat(run.challengesMet()).isEmpty();
  }

  @Test
  void oneFlickeringEyeIsNotABlink() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT);
    frontal(run, 3);
    for (int i = 0; i < 6; i++) {
      feed(run, face(0, 0, 0.97, 0.0, 100, ME));   // fr_eye's typical single-eye noise
      feed(run, face(0, 0, 0.0, 0.0, 100, ME));
    }
    feed(run, face(0, 0, 0.45, 0.6, 100, ME));      // unsure, ignored
    feed(run, face(0, 0, 0.0, 0.0, 100, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.BLINK);
  }

  @Test
  void closedEyesWithoutOpenEyesBeforeAreNotABlink() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT);
    feed(run, face(0, 0, 0, 0, 100, ME));            // reference, then the blink challenge starts
    feed(run, face(0, 0, 0.9, 0.9, 100, ME));        // closed right away: not yet two open frames
    feed(run, face(0, 0, 0, 0, 100, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.BLINK);
    feed(run, face(0, 0, 0.9, 0.9, 100, ME));        // one open frame between is not enough either
    feed(run, face(0, 0, 0, 0, 100, ME));
    feed(run, face(0, 0, 0, 0, 100, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.BLINK);
    feed(run, face(0, 0, 0.9, 0.9, 100, ME));
    feed(run, face(0, 0, 0, 0, 100, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.TURN_LEFT);
  }

  @Test
  void comingCloserIsMeasuredAgainstTheFarthestDistanceOfTheChallenge() {
    var run = run(Challenge.COME_CLOSER, Challenge.BLINK);
    frontal(run, 2);
    feed(run, face(0, 0, 0, 0, 90, ME));             // steps back first: 63 mm eyes 90 px apart
    feed(run, face(0, 0, 0, 0, 105, ME));            // 90/105 = 0.86 of the farthest: not yet
    feed(run, face(0, 0, 0, 0, 105, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.COME_CLOSER);
    feed(run, face(0, 0, 0, 0, 115, ME));
    feed(run, face(0, 0, 0, 0, 116, ME));
    assertThat(last[0].challenge()).isEqualTo(Challenge.BLINK);
  }

  @Test
  void estimatesTheDistanceFromTheEyeDistance() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT);
    // 640 px wide frame, 60 degree view: focal length 554 px; 63 mm at 70 px is 49.9 cm
    assertThat(run.distanceCm(face(0, 0, 0, 0, 70, ME).face())).isCloseTo(49.9, org.assertj.core.data.Offset.offset(0.1));
    // the same head turned 30 degrees shows its eyes 0.87 times as far apart, at the same distance
    assertThat(run.distanceCm(face(30, 0, 0, 0, 70 * Math.cos(Math.toRadians(30)), ME).face()))
        .isCloseTo(49.9, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void anotherFaceFailsTheSession() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT);
    frontal(run, 2);
    feed(run, face(0, 0, 0, 0, 100, SOMEONE_ELSE));
    assertThat(last[0].state()).isEqualTo(State.RUNNING);
    assertThat(last[0].hint()).isEqualTo(Hint.SAME_PERSON);
    feed(run, face(0, 0, 0, 0, 100, SOMEONE_ELSE));
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).containsExactly(Reason.FACE_CHANGED);
  }

  @Test
  void severalFacesFailTheSessionAfterTwoFrames() {
    var run = run(Challenge.BLINK, Challenge.TURN_LEFT);
    frontal(run, 2);
    feed(run, FrameObservation.several(tick(), 2));
    assertThat(last[0].hint()).isEqualTo(Hint.ONE_FACE_ONLY);
    frontal(run, 1);
    feed(run, FrameObservation.several(tick(), 2));
    assertThat(last[0].state()).isEqualTo(State.RUNNING);
    feed(run, FrameObservation.several(tick(), 3));
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).containsExactly(Reason.SEVERAL_FACES);
  }

  @Test
  void waitsForAFrontalFaceWithOpenEyesBeforeTheChallengesStart() {
    var run = run(Challenge.TURN_LEFT, Challenge.BLINK);
    feed(run, FrameObservation.none(tick()));
    assertThat(last[0].hint()).isEqualTo(Hint.NO_FACE);
    feed(run, face(-40, 0, 0, 0, 100, ME));          // turned already: not a reference, and not a turn
    feed(run, face(-40, 0, 0, 0, 100, ME));
    assertThat(last[0].hint()).isEqualTo(Hint.FACE_THE_CAMERA);
    assertThat(last[0].challengesMet()).isZero();
  }

  @Test
  void lowPassiveLivenessFailsAtTheEnd() {
    var run = run(Challenge.TURN_LEFT, Challenge.TURN_RIGHT);
    for (double yaw : new double[] {0, 0, -20, -20, 0, 20, 20}) {
      feed(run, new FrameObservation(tick(), 1, new FrameObservation.Face(yaw, 0, 0, 0, 100, 640, live(0.4), ME)));
    }
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).containsExactly(Reason.PASSIVE_LIVENESS_TOO_LOW);
    assertThat(run.challengesMet()).containsExactly(Challenge.TURN_LEFT, Challenge.TURN_RIGHT);
    assertThat(run.passiveLivenessScore()).isEqualTo(0.4);
  }

  @Test
  void expiresWithTheCurrentChallengeAsReason() {
    var run = new ChallengeRun(List.of(Challenge.BLINK, Challenge.LOOK_UP), START, START.plusSeconds(20),
        RULES.withChallengeTimeout(Duration.ofMinutes(3)), PASSIVE_ONLY);
    frontal(run, 3);
    feed(run, face(0, 0, 0.9, 0.9, 100, ME));
    feed(run, face(0, 0, 0, 0, 100, ME));
    assertThat(run.expireIfDue(START.plusSeconds(19))).isFalse();
    assertThat(run.expireIfDue(START.plusSeconds(20))).isTrue();
    assertThat(run.state()).isEqualTo(State.FAILED);
    assertThat(run.reasons()).containsExactly(Reason.EXPIRED, Reason.NO_LOOK_UP_SEEN);
    assertThat(run.expireIfDue(START.plusSeconds(30))).isFalse();
    assertThat(run.accept(FrameObservation.none(START.plusSeconds(31))).reasons())
        .containsExactly(Reason.EXPIRED, Reason.NO_LOOK_UP_SEEN);
  }

  @Test
  void aPhotoTurnedAsAWholeFailsTheMotionCueWhenThePolicyRequiresIt() {
    var run = new ChallengeRun(List.of(Challenge.TURN_LEFT), START, START.plus(RULES.sessionLifetime()), RULES,
        WITH_MOTION);
    for (int i = 0; i < 3; i++) feed(run, flat(0, 0));
    for (int i = 0; i < 3; i++) feed(run, flat(-20, 45));
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).containsExactly(Reason.MOTION_PLANAR);
    assertThat(run.cues().segments()).containsEntry(Challenge.TURN_LEFT,
        sightline.vision.liveness.MotionEvidence.Verdict.PLANAR);
    assertThat(run.cues().policyVersion()).isEqualTo(2);
  }

  @Test
  void aSessionThatAskedForATurnButShowedNoHeadMotionFailsWhenMotionIsRequired() {
    var run = new ChallengeRun(List.of(Challenge.TURN_LEFT), START, START.plus(RULES.sessionLifetime()), RULES,
        WITH_MOTION);
    for (double yaw : new double[] {0, 0, 0, -20, -20, -20}) feed(run, flat(yaw, 0));
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).containsExactly(Reason.NO_HEAD_MOTION);

    var passiveOnly = run(Challenge.TURN_LEFT);
    for (double yaw : new double[] {0, 0, 0, -20, -20, -20}) feed(passiveOnly, flat(yaw, 0));
    assertThat(last[0].state()).as("recorded, not required").isEqualTo(State.PASSED);
  }

  @Test
  void darkFramesAreNotJudgedAndSayWhy() {
    var run = run(Challenge.LOOK_UP);
    frontal(run, 3);
    for (int i = 0; i < 3; i++) {
      feed(run, FrameObservation.one(tick(), new FrameObservation.Face(0, 20, 0.01, 0.02, 100, 640, dark(), ME)));
    }
    assertThat(last[0].hint()).as("the look-up is met, but the frames are too dark to judge").isEqualTo(Hint.TOO_DARK);
    assertThat(run.challengesMet()).containsExactly(Challenge.LOOK_UP);
    assertThat(last[0].state()).isEqualTo(State.PASSED);   // three usable frontal frames before: enough to judge

    var darkRun = run(Challenge.LOOK_UP);
    for (int i = 0; i < 2; i++) {
      feed(darkRun, FrameObservation.one(tick(), new FrameObservation.Face(0, 0, 0.01, 0.02, 100, 640, dark(), ME)));
    }
    for (int i = 0; i < 4; i++) {
      feed(darkRun, FrameObservation.one(tick(), new FrameObservation.Face(0, 20, 0.01, 0.02, 100, 640, dark(), ME)));
    }
    assertThat(last[0].state()).isEqualTo(State.RUNNING);
    assertThat(last[0].hint()).isEqualTo(Hint.TOO_DARK);
    feed(darkRun, FrameObservation.one(START.plus(RULES.challengeTimeout()).plusSeconds(5),
        new FrameObservation.Face(0, 20, 0.01, 0.02, 100, 640, dark(), ME)));
    assertThat(last[0].state()).isEqualTo(State.FAILED);
    assertThat(last[0].reasons()).as("a quality problem, never \"not live\"").containsExactly(Reason.TOO_DARK);
  }

  private ChallengeRun run(Challenge... challenges) {
    return new ChallengeRun(List.of(challenges), START, START.plus(RULES.sessionLifetime()), RULES, PASSIVE_ONLY);
  }

  private void frontal(ChallengeRun run, int frames) {
    for (int i = 0; i < frames; i++) {
      feed(run, face(0, 0, 0.01, 0.02, 100, ME));
    }
  }

  private void feed(ChallengeRun run, FrameObservation frame) {
    last[0] = run.accept(frame);
  }

  private FrameObservation face(double yaw, double pitch, double leftClosed, double rightClosed, double ipd,
      FaceEmbedding embedding) {
    return FrameObservation.one(tick(), new FrameObservation.Face(yaw, pitch, leftClosed, rightClosed, ipd, 640,
        live(0.99), embedding));
  }

  private Instant tick() {
    now = now.plusMillis(200);
    return now;
  }

  private static FaceEmbedding embedding(double... values) {
    float[] v = new float[values.length];
    for (int i = 0; i < v.length; i++) v[i] = (float) values[i];
    return new FaceEmbedding(v);
  }

  /** A usable frame whose fused score is {@code score}, without landmarks. */
  private static FrameEvidence live(double score) {
    return new FrameEvidence(score >= 0.739 ? FrameEvidence.Verdict.LIVE : FrameEvidence.Verdict.SPOOF, List.of(),
        score, score, score, null, 640, 480);
  }

  /** A too-dark frame. */
  private static FrameEvidence dark() {
    return new FrameEvidence(FrameEvidence.Verdict.INSUFFICIENT_QUALITY, List.of(QualityProblem.TOO_DARK), 0.9, 0.9,
        0.9, null, 640, 480);
  }

  /**
   * 68 landmarks of a flat face-like layout (a grid over a 160 px face centred in the frame) seen through a
   * perspective tilt of the plane by {@code tiltDegrees} about the vertical axis: a photo turned as a whole.
   */
  private static FaceLandmarks flatFace(double tiltDegrees) {
    double t = Math.toRadians(tiltDegrees);
    double f = 0.866 * 640;
    double depth = 60;   // cm from the camera
    var points = new ArrayList<Point>();
    for (int i = 0; i < 68; i++) {
      double x = ((i % 9) - 4) * 2.0;        // cm on the photo
      double y = ((i / 9) - 3.5) * 2.4;
      double xc = x * Math.cos(t);
      double zc = depth + x * Math.sin(t);
      points.add(new Point(320 + f * xc / zc, 240 + f * y / zc));
    }
    return new FaceLandmarks(points);
  }

  private FrameObservation flat(double yaw, double tiltDegrees) {
    var evidence = new FrameEvidence(FrameEvidence.Verdict.LIVE, List.of(), 0.99, 0.99, 0.99, flatFace(tiltDegrees),
        640, 480);
    return FrameObservation.one(tick(), new FrameObservation.Face(yaw, 0, 0.01, 0.02, 100, 640, evidence, ME));
  }
}
