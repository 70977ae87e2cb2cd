package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.Point;
import sightline.vision.model.ModelStore;

/** The engagement path on frames made from the @vladmandic/face-api demo photos, with the real models. */
@Tag("model")
class EngagementAnalyzerTests {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** In sample5, the man at the bottom left looks into the camera (landmark pose about -7, -6 degrees). */
  private static final BoundingBox FRONTAL = new BoundingBox(372, 887, 551, 1164);

  private static EngagementAnalyzer analyzer;
  private static Image photo;

  @BeforeAll
  static void load() {
    analyzer = EngagementAnalyzer.load(ModelStore.atDefaultLocation(),
        EngagementAnalyzer.Options.defaults().withEmbeddings(true));
    photo = ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample5"));
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  /**
   * A 640x480 webcam-like frame of one face: the region around {@code face} scaled so that the face is about 150 px
   * wide, turned by {@code degrees} about the face's centre and shifted by {@code dx} pixels.
   */
  private static Image frame(BoundingBox face, double degrees, int dx) {
    double scale = 150 / face.width();
    var out = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    var g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 640, 480);
    var transform = new AffineTransform();
    transform.translate(320 + dx, 240);
    transform.rotate(Math.toRadians(degrees));
    transform.scale(scale, scale);
    transform.translate(-face.centre().x(), -face.centre().y());
    g.drawImage(photo.toBufferedImage(), transform, null);
    g.dispose();
    return Image.fromBufferedImage(out);
  }

  private static Image empty() {
    var out = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    var g = out.createGraphics();
    g.setColor(new Color(200, 190, 180));
    g.fillRect(0, 0, 640, 480);
    g.dispose();
    return Image.fromBufferedImage(out);
  }

  @Test
  void aStudentFacingTheCameraIsAttentiveWithMeasurementsThatDescribeTheFace() {
    EngagementFrame frame = analyzer.analyze(frame(FRONTAL, 0, 0), T0, analyzer.newTracker());
    assertThat(frame.state()).isEqualTo(AttentionState.ATTENTIVE);
    assertThat(frame.faces()).isEqualTo(1);
    assertThat(frame.detected()).isTrue();
    TrackedFace face = frame.face();
    assertThat(face.box().centre().distanceTo(new Point(320, 240))).isLessThan(40);
    assertThat(face.box().width()).isBetween(120.0, 240.0);     // the detector's box here is 150 px wide
    assertThat(face.landmarks().points()).allSatisfy(p -> {
      assertThat(p.x()).isBetween(face.box().left(), face.box().right());
      assertThat(p.y()).isBetween(face.box().top(), face.box().bottom());
    });
    assertThat(Math.abs(face.pose().yawDegrees())).isLessThan(15);
    assertThat(Math.abs(face.pose().pitchDegrees())).isLessThan(15);
    assertThat(Math.abs(face.pose().rollDegrees())).isLessThan(15);
    assertThat(face.eyes().left()).isBetween(0.2, 0.5);
    assertThat(face.eyes().right()).isBetween(0.2, 0.5);
    assertThat(face.symmetry()).isBetween(0.8, 1.0);
    assertThat(face.landmarks().leftEyeCentre().x()).isLessThan(face.landmarks().rightEyeCentre().x());
  }

  @Test
  void tiltingTheHeadChangesRollButNeitherYawNorPitch() {
    HeadPose upright = analyzer.analyze(frame(FRONTAL, 0, 0), T0, analyzer.newTracker()).face().pose();
    for (double degrees : new double[] {-40, 30}) {
      EngagementFrame tilted = analyzer.analyze(frame(FRONTAL, degrees, 0), T0, analyzer.newTracker());
      assertThat(tilted.state()).as("tilted by %s", degrees).isEqualTo(AttentionState.ATTENTIVE);
      HeadPose pose = tilted.face().pose();
      assertThat(pose.rollDegrees() - upright.rollDegrees()).as("roll change").isCloseTo(degrees, within(6.0));
      assertThat(pose.yawDegrees()).as("yaw").isCloseTo(upright.yawDegrees(), within(5.0));
      assertThat(pose.pitchDegrees()).as("pitch").isCloseTo(upright.pitchDegrees(), within(5.0));
    }
  }

  @Test
  void aHeadTurnedAwayLooksAwayAndMirroringFlipsItsYaw() {
    // In sample5 the woman at the bottom centre turns to her left (fr_pose yaw -37 degrees).
    var turned = new BoundingBox(602, 419, 773, 671);
    HeadPose pose = analyzer.analyze(frame(turned, 0, 0), T0, analyzer.newTracker()).face().pose();
    HeadPose mirrored = analyzer.analyze(frame(turned, 0, 0).mirrored(), T0, analyzer.newTracker()).face().pose();
    assertThat(pose.yawDegrees()).isLessThan(-20);
    assertThat(mirrored.yawDegrees()).isCloseTo(-pose.yawDegrees(), within(6.0));
    assertThat(analyzer.analyze(frame(turned, 0, 0), T0, analyzer.newTracker(AttentionRules.defaults().withCone(15, 25)))
        .state()).isEqualTo(AttentionState.LOOKING_AWAY);
  }

  @Test
  void countsEveryFaceInViewAndNoFaceIsAbsent() {
    EngagementFrame crowd = analyzer.analyze(photo, T0, analyzer.newTracker());
    assertThat(crowd.faces()).isEqualTo(5);
    assertThat(crowd.state()).isEqualTo(AttentionState.SOMEONE_ELSE);
    assertThat(crowd.face()).isNotNull();
    EngagementFrame nobody = analyzer.analyze(empty(), T0, analyzer.newTracker());
    assertThat(nobody.faces()).isZero();
    assertThat(nobody.state()).isEqualTo(AttentionState.ABSENT);
    assertThat(nobody.face()).isNull();
  }

  @Test
  void followsTheFaceBetweenDetectionsAndNoticesAnEmptySeatAtOnce() {
    AttentionTracker student = analyzer.newTracker();
    var detectedOn = new ArrayList<Integer>();
    for (int i = 0; i < 12; i++) {
      EngagementFrame frame = analyzer.analyze(frame(FRONTAL, 0, 4 * i), T0.plusSeconds(i), student);
      assertThat(frame.state()).as("frame %d", i).isEqualTo(AttentionState.ATTENTIVE);
      assertThat(frame.face().box().centre().x()).as("frame %d", i).isCloseTo(320 + 4 * i, within(25.0));
      if (frame.detected()) detectedOn.add(i);
    }
    assertThat(detectedOn).containsExactly(0, 5, 10);
    EngagementFrame left = analyzer.analyze(empty(), T0.plusSeconds(12), student);   // due to be followed
    assertThat(left.detected()).isTrue();
    assertThat(left.state()).isEqualTo(AttentionState.ABSENT);
    EngagementFrame back = analyzer.analyze(frame(FRONTAL, 0, 0), T0.plusSeconds(13), student);
    assertThat(back.detected()).isTrue();
    assertThat(back.state()).isEqualTo(AttentionState.ATTENTIVE);
    assertThatThrownBy(() -> analyzer.analyze(frame(FRONTAL, 0, 0), T0, student))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSpotCheckEmbeddingMatchesTheSamePersonOnly() {
    EngagementFrame frame = analyzer.analyze(frame(FRONTAL, 0, 0), T0, analyzer.newTracker());
    FaceEmbedding student = analyzer.embed(frame(FRONTAL, 0, 0), frame.face());
    EngagementFrame tilted = analyzer.analyze(frame(FRONTAL, 25, 30), T0, analyzer.newTracker());
    FaceEmbedding again = analyzer.embed(frame(FRONTAL, 25, 30), tilted.face());
    var other = new BoundingBox(1117, 209, 1275, 425);
    EngagementFrame stranger = analyzer.analyze(frame(other, 0, 0), T0, analyzer.newTracker());
    FaceEmbedding someoneElse = analyzer.embed(frame(other, 0, 0), stranger.face());
    assertThat(student.similarity(again)).isGreaterThan(FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3);
    assertThat(student.similarity(someoneElse)).isLessThan(FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3);
    try (var noEmbeddings = EngagementAnalyzer.load(ModelStore.atDefaultLocation(), EngagementAnalyzer.Options.defaults())) {
      assertThatThrownBy(() -> noEmbeddings.embed(photo, frame.face())).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void studentsAnalysedConcurrentlyGetWhatTheyGetOneAtATime() throws Exception {
    List<Image> frames = List.of(frame(FRONTAL, 0, 0), frame(FRONTAL, 20, 10), photo, empty(),
        frame(new BoundingBox(602, 419, 773, 671), -10, 0));
    var expected = new ArrayList<EngagementFrame>();
    for (Image image : frames) expected.add(analyzer.analyze(image, T0, analyzer.newTracker()));
    var pool = Executors.newFixedThreadPool(4);
    try {
      var calls = new ArrayList<Callable<EngagementFrame>>();
      for (int round = 0; round < 3; round++) {
        for (Image image : frames) calls.add(() -> analyzer.analyze(image, T0, analyzer.newTracker()));
      }
      List<Future<EngagementFrame>> results = pool.invokeAll(calls);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % frames.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
