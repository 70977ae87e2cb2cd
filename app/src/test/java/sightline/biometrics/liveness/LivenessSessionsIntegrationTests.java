package sightline.biometrics.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import sightline.biometrics.Challenge;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessFrameAnswer;
import sightline.biometrics.LivenessLimitReached;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.LivenessSessions;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.Point;
import tools.jackson.databind.JsonNode;

/**
 * Liveness sessions through the HTTP API, on the real face models, fed synthetic frames made from one fixture photo
 * ({@link SyntheticLivenessFrames}).
 */
@LivenessTestApplication
class LivenessSessionsIntegrationTests {

  private static final List<Challenge> ALL = List.of(Challenge.BLINK, Challenge.TURN_LEFT, Challenge.TURN_RIGHT,
      Challenge.LOOK_UP, Challenge.COME_CLOSER);

  @LocalServerPort
  int port;

  @Autowired
  FaceEngine faces;

  @Autowired
  LivenessSessions sessions;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  LivenessPolicies policies;

  @Autowired
  AccountDirectory directory;

  @Autowired
  ManualConfirmations confirmations;

  private static SyntheticLivenessFrames synthetic;

  @BeforeEach
  void makeFrames() {
    if (synthetic == null) synthetic = SyntheticLivenessFrames.sample3(faces);
  }

  @Test
  void syntheticFramesFromOnePhotoMeetEveryChallengeButTheMotionCueRefusesThemAndTheCuesAreRecorded() {
    var client = new LivenessApiClient(port);
    var started = client.start(null);
    assertThat(started.status()).isEqualTo(201);
    JsonNode session = started.json();
    assertThat(session.get("purpose").asString()).isEqualTo("SIGN_IN");
    assertThat(session.get("nonce").asString()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(session.get("csrfToken").asString()).as("a CSRF token for browsers").isNotBlank();
    assertThat(session.get("challenges").values().stream().map(JsonNode::asString).toList())
        .containsExactly("BLINK", "TURN_LEFT", "TURN_RIGHT", "LOOK_UP", "COME_CLOSER");
    assertThat(session.get("challengeTexts").get(0).asString()).isEqualTo("Blink once");
    UUID id = UUID.fromString(session.get("id").asString());

    Sent sent = send(client, id);
    assertThat(sent.answer().get("state").asString()).isEqualTo("FAILED");
    assertThat(sent.answer().get("challengesMet").asInt()).as("every challenge was met").isEqualTo(5);
    assertThat(sent.answer().get("reasons").values().stream().map(JsonNode::asString).toList())
        .as("the turn to the left moved the photo as one plane").contains("MOTION_PLANAR");
    assertThat(sent.answer().get("reasonTexts").get(0).asString()).isNotBlank();
    assertThatThrownBy(() -> sessions.consume(new LivenessSessionId(id))).isInstanceOf(LivenessSessionNotPassed.class);

    Map<String, Object> row = jdbc.sql("SELECT outcome, reasons, policy_version, motion_segments, passive_threshold, "
        + "usable_frames FROM biometrics.liveness_session WHERE id = ?").param(id).query().singleRow();
    assertThat(row).containsEntry("outcome", "FAILED").containsEntry("policy_version", policies.current().version());
    assertThat((String) row.get("reasons")).contains("MOTION_PLANAR");
    assertThat((String) row.get("motion_segments")).contains("TURN_LEFT:PLANAR");
    assertThat(((Number) row.get("passive_threshold")).doubleValue()).isEqualTo(policies.current().threshold());
    assertThat(((Number) row.get("usable_frames")).intValue()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void underAPolicyWithoutTheMotionCueTheSameFramesPassEveryChallengeThroughTheApi() throws Exception {
    var admin = directory.create(new NewAccount("liveness-admin-" + UUID.randomUUID() + "@example.org", "Admin",
        EnumSet.of(Role.ADMIN), null, "a long liveness admin password"));
    try (var passiveOnly = PolicyVersions.withoutMotionCue(policies, admin.id())) {
      int version = policies.current().version();
      var client = new LivenessApiClient(port);
      UUID id = UUID.fromString(client.start(null).json().get("id").asString());
      Sent sent = send(client, id);
      JsonNode answer = sent.answer();
      assertThat(answer.get("reasons").values().stream().map(JsonNode::asString).toList())
          .as("after %d frames", sent.frames()).isEmpty();
      assertThat(answer.get("state").asString()).isEqualTo("PASSED");
      assertThat(answer.get("progress").asDouble()).isEqualTo(1.0);
      assertThat(client.status(id).json().get("state").asString()).isEqualTo("PASSED");

      LivenessOutcome outcome = sessions.consume(new LivenessSessionId(id));
      assertThat(outcome.passed()).isTrue();
      assertThat(outcome.challengesMet()).containsExactlyElementsOf(ALL);
      assertThat(outcome.passiveLivenessScore()).isGreaterThanOrEqualTo(policies.current().threshold());
      assertThat(outcome.probe()).isNotNull();
      assertThat(outcome.consistentFace().similarity(outcome.probe())).isGreaterThan(0.8);
      assertThatThrownBy(() -> sessions.consume(new LivenessSessionId(id)))
          .isInstanceOf(LivenessSessionNotPassed.class);

      Map<String, Object> row = jdbc.sql("SELECT purpose, outcome, reasons, frames, policy_version, motion "
          + "FROM biometrics.liveness_session WHERE id = ?").param(id).query().singleRow();
      assertThat(row).containsEntry("purpose", "SIGN_IN").containsEntry("outcome", "PASSED")
          .containsEntry("reasons", "").containsEntry("frames", sent.frames()).containsEntry("policy_version", version);
      assertThat(row.get("motion")).as("the cue is still recorded").isNotNull();
      List<Long> timings = jdbc.sql("SELECT met_after_ms FROM biometrics.liveness_session_challenge "
          + "WHERE session_id = ? ORDER BY position").param(id).query(Long.class).list();
      assertThat(timings).hasSize(5).doesNotContainNull().isSorted();
    }
  }

  @Test
  void twoPassiveFailuresGetConcreteAdviceAndAManualConfirmationIsRecordedAsSuch() throws Exception {
    var admin = directory.create(new NewAccount("liveness-admin-" + UUID.randomUUID() + "@example.org", "Admin",
        EnumSet.of(Role.ADMIN), null, "a long liveness admin password"));
    var student = directory.create(new NewAccount("liveness-student-" + UUID.randomUUID() + "@example.org",
        "Student", EnumSet.of(Role.STUDENT), null, "a long liveness student password"));
    SitePolicy before = policies.current();
    // A passive threshold nobody reaches, without the motion cue: every session that meets its challenges is refused
    // by the passive models, as a camera the models do not know would be.
    policies.adopt(new LivenessPolicies.Change(1.0, 1.0, true, false, true),
        SitePolicy.Source.ADMIN, "test: passive models refuse everyone", admin.id());
    try {
      List<LivenessFrameAnswer> answers = new java.util.ArrayList<>();
      for (int attempt = 0; attempt < 2; attempt++) {
        LivenessChallenge session = sessions.start(LivenessPurpose.SELF_TEST, student.id(), "198.51.100.7");
        LivenessFrameAnswer answer = null;
        for (BufferedImage frame : synthetic.meeting(ALL)) {
          answer = sessions.submitFrame(session.id(), session.nonce(), SyntheticLivenessFrames.jpeg(frame));
          if (answer.state() != LivenessFrameAnswer.State.RUNNING) break;
        }
        answers.add(answer);
      }
      assertThat(answers.get(0).reasons()).containsExactly(LivenessOutcome.Reason.PASSIVE_LIVENESS_TOO_LOW);
      assertThat(answers.get(0).advice()).as("once may be bad luck").isEqualTo(LivenessFrameAnswer.Advice.NONE);
      assertThat(answers.get(1).advice()).as("twice: advice, and staff may confirm")
          .isEqualTo(LivenessFrameAnswer.Advice.CONDITIONS_OR_STAFF);

      var confirmation = confirmations.confirm(student.id(), admin.id(), "Seen in class with the student card");
      assertThat(confirmations.recent(5)).first().satisfies(c -> {
        assertThat(c.subject()).isEqualTo(student.id());
        assertThat(c.confirmedBy()).isEqualTo(admin.id());
        assertThat(c.policyVersion()).isEqualTo(policies.current().version());
      });
      assertThat(jdbc.sql("SELECT COUNT(*) FROM biometrics.liveness_session WHERE subject_id = ? AND outcome = 'PASSED'")
          .param(student.id().value()).query(Long.class).single()).as("never recorded as a passed session").isZero();
      assertThat(confirmation.note()).isEqualTo("Seen in class with the student card");

      policies.adopt(new LivenessPolicies.Change(before.threshold(), before.policy().passive().thresholdWithMotion(),
          true, true, false), SitePolicy.Source.ADMIN, "test: no fallback", admin.id());
      assertThatThrownBy(() -> confirmations.confirm(student.id(), admin.id(), "again"))
          .isInstanceOf(ManualConfirmationNotAllowed.class);
    } finally {
      policies.adopt(LivenessPolicies.Change.of(before), SitePolicy.Source.ADMIN, "test: restored", admin.id());
    }
  }

  private record Sent(JsonNode answer, int frames) {}

  /** Sends the synthetic frames meeting every challenge until the session ends. */
  private Sent send(LivenessApiClient client, UUID id) {
    JsonNode answer = null;
    int sent = 0;
    for (BufferedImage frame : synthetic.meeting(ALL)) {
      var response = client.frame(id, SyntheticLivenessFrames.jpeg(frame), null);   // nonce from the HTTP session
      assertThat(response.status()).as(response.response().body()).isEqualTo(200);
      answer = response.json();
      sent++;
      if (!answer.get("state").asString().equals("RUNNING")) break;
    }
    assertThat(answer).isNotNull();
    assertThat(answer.get("state").asString()).as("the session ended").isNotEqualTo("RUNNING");
    return new Sent(answer, sent);
  }

  @Test
  void anotherPersonsFaceFailsTheSessionAsFaceChanged() {
    var client = new LivenessApiClient(port);
    UUID id = UUID.fromString(client.start(null).json().get("id").asString());
    byte[] neutral = SyntheticLivenessFrames.jpeg(synthetic.neutral());
    for (int i = 0; i < 3; i++) client.frame(id, neutral, null);
    byte[] stranger = SyntheticLivenessFrames.jpeg(
        SyntheticLivenessFrames.of(faces, "sample5", new Point(1196, 317)).neutral());
    client.frame(id, stranger, null);
    JsonNode answer = client.frame(id, stranger, null).json();
    assertThat(answer.get("state").asString()).isEqualTo("FAILED");
    assertThat(answer.get("reasons").get(0).asString()).isEqualTo("FACE_CHANGED");
    assertThat(answer.get("reasonTexts").get(0).asString()).isEqualTo("The face changed during the check.");
    assertThat(sessions.result(new LivenessSessionId(id)).reasons()).containsExactly(LivenessOutcome.Reason.FACE_CHANGED);
    assertThatThrownBy(() -> sessions.consume(new LivenessSessionId(id))).isInstanceOf(LivenessSessionNotPassed.class);
  }

  @Test
  void framesAreRefusedFromAnyoneButTheCallerThatStartedTheSession() {
    var owner = new LivenessApiClient(port);
    JsonNode session = owner.start(null).json();
    UUID id = UUID.fromString(session.get("id").asString());
    byte[] frame = SyntheticLivenessFrames.jpeg(synthetic.neutral());

    var stranger = new LivenessApiClient(port);
    var refused = stranger.frame(id, frame, null);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("type").asString()).isEqualTo("/problems/liveness-session-not-yours");
    assertThat(stranger.frame(id, frame, "not-the-nonce").status()).isEqualTo(403);
    assertThat(stranger.status(id).status()).isEqualTo(403);
    // A client that knows the nonce (an API client without a browser session) may send frames.
    assertThat(stranger.frame(id, frame, session.get("nonce").asString()).status()).isEqualTo(200);
    assertThat(owner.frame(id, frame, null).status()).isEqualTo(200);
    assertThat(owner.status(UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void sessionStartsPerAddressAreANamedLimitOfTheOneRateLimiter() {
    // This configuration sets the limit through its older name, starts-per-minute = 1000.
    String address = "203.0.113.9|" + UUID.randomUUID();
    int started = 0;
    LivenessLimitReached limited = null;
    while (limited == null && started < 2000) {   // the bucket refills smoothly while this loop runs
      try {
        sessions.start(LivenessPurpose.SELF_TEST, null, address);
        started++;
      } catch (LivenessLimitReached e) {
        limited = e;
      }
    }
    assertThat(started).isBetween(1000, 1999);
    assertThat(limited).isNotNull();
    assertThat(limited.getBody().getProperties()).containsEntry("limit", "SESSION_STARTS");
    assertThat(limited.retryAfterSeconds()).isPositive();
    sessions.start(LivenessPurpose.SELF_TEST, null, address + "-another");
  }

  @Test
  void anonymousCallersMayStartOnlySignInSessions() {
    var anonymous = new LivenessApiClient(port);
    var refused = anonymous.start("SELF_TEST");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("type").asString()).isEqualTo("/problems/liveness-purpose-not-allowed");
    assertThat(anonymous.start("SIGN_IN").status()).isEqualTo(201);
  }

  @Test
  void refusesFramesWiderThan640Pixels() {
    var client = new LivenessApiClient(port);
    UUID id = UUID.fromString(client.start(null).json().get("id").asString());
    var wide = new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR);
    var answer = client.frame(id, SyntheticLivenessFrames.jpeg(wide), null);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("type").asString()).isEqualTo("/problems/frame-too-large");
    var notAnImage = client.frame(id, "hello".getBytes(), null);
    assertThat(notAnImage.status()).isEqualTo(415);
  }
}
