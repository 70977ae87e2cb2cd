package sightline.biometrics.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import sightline.biometrics.BiometricSettings;
import sightline.biometrics.Challenge;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.LivenessSessions;
import sightline.biometrics.liveness.LivenessApiClient;
import sightline.biometrics.liveness.LivenessPolicies;
import sightline.biometrics.liveness.PolicyVersions;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Face sign-in through its HTTP API on the real models: a liveness session fed frames synthesised from one fixture
 * photo ({@link SyntheticLivenessFrames}), then the completion, against accounts enrolled from photos. Under the
 * shipped policy such frames are refused by the motion cue (the regression test below); the tests of what follows
 * liveness (matching, binding, recording) run them under a policy version that records the motion cue without
 * requiring it.
 */
@LivenessTestApplication
class FaceSignInIntegrationTests {

  private static final List<Challenge> ALL = List.of(Challenge.BLINK, Challenge.TURN_LEFT, Challenge.TURN_RIGHT,
      Challenge.LOOK_UP, Challenge.COME_CLOSER);
  private static final String PASSWORD = "a long face sign-in password";

  @LocalServerPort int port;
  @Autowired FaceEngine faces;
  @Autowired FaceEnrolment enrolment;
  @Autowired BiometricSettings settings;
  @Autowired AccountDirectory directory;
  @Autowired JdbcClient jdbc;
  @Autowired LivenessSessions liveness;
  @Autowired LivenessPolicies policies;

  private static SyntheticLivenessFrames meera;
  private static SyntheticLivenessFrames stranger;
  private final List<AccountId> enrolled = new ArrayList<>();
  private AccountView admin;
  private @Nullable AutoCloseable withoutMotionCue;

  @BeforeEach
  void setUp() {
    if (meera == null) {
      meera = SyntheticLivenessFrames.sample3(faces);
      stranger = SyntheticLivenessFrames.of(faces, "sample5", new Point(1196, 317));
    }
    admin = account(Role.ADMIN);
    withoutMotionCue = PolicyVersions.withoutMotionCue(policies, admin.id());
  }

  @AfterEach
  void deleteFaceData() throws Exception {
    if (withoutMotionCue != null) withoutMotionCue.close();
    enrolled.forEach(enrolment::delete);
  }

  /** Back to the policy in force before this test (the shipped one, with the motion cue required). */
  private void underTheShippedPolicy() throws Exception {
    Objects.requireNonNull(withoutMotionCue).close();
    withoutMotionCue = null;
    assertThat(policies.current().requireMotion()).isTrue();
  }

  @Test
  void framesSynthesisedFromOneStillPhotoOfTheVictimDoNotSignIn() throws Exception {
    underTheShippedPolicy();
    AccountView victim = enrolledAs(meera);
    for (int attempt = 0; attempt < 2; attempt++) {
      var client = new LivenessApiClient(port);
      JsonNode ended = run(client, victim.email(), meera.meeting(ALL));
      assertThat(ended.get("state").asString()).isEqualTo("FAILED");
      assertThat(ended.get("challengesMet").asInt()).as("the warps and the painted blink meet every challenge")
          .isEqualTo(ALL.size());
      assertThat(ended.get("reasons").values().stream().map(JsonNode::asString).toList())
          .containsAnyOf("MOTION_PLANAR", "MOTION_NOT_RIGID");
      var refused = complete(client, ended);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("type").asString()).isEqualTo("/problems/face-sign-in-refused");
      assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(lastAttempt(victim.id())).containsEntry("method", "FACE").containsEntry("outcome", "LIVENESS_FAILED");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM identity.sign_in_attempt WHERE account_id = ? AND outcome = 'SUCCESS'")
        .param(victim.id().value()).query(Long.class).single()).isZero();
  }

  @Test
  void aLiveFaceThatMatchesTheClaimedAccountSignsInAndIsRecordedAsFace() {
    AccountView person = enrolledAs(meera);
    var client = new LivenessApiClient(port);

    JsonNode signedIn = signInByFace(client, person.email(), meera.meeting(ALL));

    assertThat(signedIn.get("signedIn").asBoolean()).isTrue();
    assertThat(signedIn.get("next").asString()).isEqualTo("/");
    var me = client.get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asString()).isEqualTo(person.email());
    assertThat(lastAttempt(person.id())).containsEntry("method", "FACE").containsEntry("outcome", "SUCCESS");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM biometrics.face_decision WHERE claimed_account = ? "
        + "AND purpose = 'SIGN_IN' AND outcome = 'MATCH'").param(person.id().value()).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void anAdministratorGivesTheSecondFactorAfterAFaceSignInUnlessTheSettingIsOff() {
    AccountView person = enrolledAs(meera, Role.ADMIN);
    var before = settings.current();
    // On in a new installation (the column's default); other tests of this database may have switched it.
    settings.change(before.storeAuditFrames(), before.faceOnlySignIn(), true, admin.id());

    var client = new LivenessApiClient(port);
    JsonNode pending = signInByFace(client, person.email(), meera.meeting(ALL));
    assertThat(pending.get("signedIn").asBoolean()).isFalse();
    assertThat(pending.get("next").asString()).as("no TOTP yet: set one up first")
        .isEqualTo("/sign-in/two-factor/set-up");
    assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(lastAttempt(person.id())).containsEntry("method", "FACE")
        .containsEntry("outcome", "SECOND_FACTOR_REQUIRED");

    settings.change(before.storeAuditFrames(), before.faceOnlySignIn(), false, admin.id());
    try {
      var again = new LivenessApiClient(port);
      JsonNode signedIn = signInByFace(again, person.email(), meera.meeting(ALL));
      assertThat(signedIn.get("signedIn").asBoolean()).isTrue();
      assertThat(again.get("/api/v1/me").json().get("email").asString()).isEqualTo(person.email());
    } finally {
      settings.change(before.storeAuditFrames(), before.faceOnlySignIn(), before.adminFaceSecondFactor(),
          admin.id());
    }
  }

  @Test
  void anotherPersonsLiveFaceIsRefusedRecordedAndCountedTowardTheLockout() {
    AccountView person = enrolledAs(stranger);
    var client = new LivenessApiClient(port);

    var refused = complete(client, run(client, person.email(), meera.meeting(ALL)));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("type").asString()).isEqualTo("/problems/face-sign-in-refused");
    assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(lastAttempt(person.id())).containsEntry("method", "FACE").containsEntry("outcome", "FACE_NOT_MATCHED");
    assertThat(jdbc.sql("SELECT failed_sign_ins FROM identity.account WHERE id = ?").param(person.id().value())
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void anUnknownEmailAndAFailedLivenessCheckGetTheSameAnswerAsAWrongFace() {
    String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
    var client = new LivenessApiClient(port);
    var started = client.postJson("/api/v1/auth/face/sessions", "{\"email\":\"" + unknown + "\"}");
    assertThat(started.status()).as("an unknown e-mail still gets a session").isEqualTo(201);
    var refused = complete(client, feed(client, started.json(), meera.meeting(ALL)));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("type").asString()).isEqualTo("/problems/face-sign-in-refused");
    assertThat(jdbc.sql("SELECT account_id, method, outcome FROM identity.sign_in_attempt WHERE identifier = ?")
        .param(unknown).query().singleRow())
        .containsEntry("account_id", null).containsEntry("method", "FACE").containsEntry("outcome", "BAD_CREDENTIALS");

    AccountView person = enrolledAs(meera);
    List<BufferedImage> faceChanges = new ArrayList<>(List.of(meera.neutral(), meera.neutral(), meera.neutral()));
    faceChanges.addAll(List.of(stranger.neutral(), stranger.neutral()));
    var liveClient = new LivenessApiClient(port);
    JsonNode ended = run(liveClient, person.email(), faceChanges);
    assertThat(ended.get("state").asString()).isEqualTo("FAILED");
    var notLive = complete(liveClient, ended);
    assertThat(notLive.status()).isEqualTo(401);
    assertThat(notLive.json().get("type").asString()).isEqualTo("/problems/face-sign-in-refused");
    assertThat(lastAttempt(person.id())).containsEntry("method", "FACE").containsEntry("outcome", "LIVENESS_FAILED");
  }

  @Test
  void faceOnlySignInIdentifiesAmongEveryoneOnlyWhenAnAdministratorAllowsIt() {
    AccountView person = enrolledAs(meera);
    var client = new LivenessApiClient(port);
    var disabled = client.postJson("/api/v1/auth/face/sessions", "{}");
    assertThat(disabled.status()).isEqualTo(400);
    assertThat(disabled.json().get("type").asString()).isEqualTo("/problems/face-only-sign-in-disabled");

    var before = settings.current();
    settings.change(before.storeAuditFrames(), true, admin.id());
    try {
      JsonNode signedIn = signInByFace(client, "", meera.meeting(ALL));
      assertThat(signedIn.get("signedIn").asBoolean()).isTrue();
      assertThat(client.get("/api/v1/me").json().get("email").asString()).isEqualTo(person.email());
      assertThat(lastAttempt(person.id())).containsEntry("method", "FACE").containsEntry("outcome", "SUCCESS")
          .containsEntry("identifier", "(face)");
    } finally {
      settings.change(before.storeAuditFrames(), before.faceOnlySignIn(), admin.id());
    }
  }

  @Test
  void aSessionSignsInOnceAndOnlyInTheBrowserSessionThatStartedIt() {
    AccountView person = enrolledAs(meera);
    var client = new LivenessApiClient(port);
    var early = client.postJson("/api/v1/auth/face/sessions", "{\"email\":\"" + person.email() + "\"}").json();
    assertThat(complete(client, early.get("id").asString()).status())
        .as("still running: nothing decided, the attempt stays").isEqualTo(409);
    JsonNode ended = feed(client, early, meera.meeting(ALL));

    var thief = new LivenessApiClient(port);
    assertThat(thief.postJson("/api/v1/auth/face/sessions", "{\"email\":\"" + person.email() + "\"}").status())
        .as("the thief has a face sign-in of their own").isEqualTo(201);
    assertThat(complete(thief, ended).status()).as("but not this one").isEqualTo(404);
    assertThat(complete(client, ended).status()).isEqualTo(200);
    assertThat(complete(client, ended).status()).as("the attempt is spent").isEqualTo(404);
    assertThatThrownBy(() -> liveness.consume(new LivenessSessionId(UUID.fromString(ended.get("session").asString()))))
        .as("and so is the liveness session").isInstanceOf(LivenessSessionNotPassed.class);
  }

  @Test
  void anApiClientSendsFramesWithTheNonceAndNoCsrfToken() throws Exception {
    AccountView person = enrolledAs(meera);
    var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/face/sessions"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + person.email() + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).isEqualTo(201);
    JsonNode session = JsonMapper.builder().build().readTree(started.body());
    var frame = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/liveness/sessions/"
            + session.get("id").asString() + "/frames"))
        .header("Content-Type", "image/jpeg").header("X-Liveness-Nonce", session.get("nonce").asString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(SyntheticLivenessFrames.jpeg(meera.neutral()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(frame.statusCode()).as(frame.body()).isEqualTo(200);
    var withoutNonce = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/v1/liveness/sessions/" + session.get("id").asString() + "/frames"))
        .header("Content-Type", "image/jpeg")
        .POST(HttpRequest.BodyPublishers.ofByteArray(SyntheticLivenessFrames.jpeg(meera.neutral()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withoutNonce.statusCode()).as("a cookie-only request still needs its CSRF token").isEqualTo(403);
  }

  private JsonNode signInByFace(LivenessApiClient client, String email, List<BufferedImage> frames) {
    var completed = complete(client, run(client, email, frames));
    assertThat(completed.status()).as(completed.response().body()).isEqualTo(200);
    return completed.json();
  }

  private JsonNode run(LivenessApiClient client, String email, List<BufferedImage> frames) {
    var started = client.postJson("/api/v1/auth/face/sessions",
        email.isEmpty() ? "{}" : "{\"email\":\"" + email + "\"}");
    assertThat(started.status()).as(started.response().body()).isEqualTo(201);
    return feed(client, started.json(), frames);
  }

  /** Sends frames until the session ends; answers the last frame answer (with the session id). */
  private static JsonNode feed(LivenessApiClient client, JsonNode session, List<BufferedImage> frames) {
    UUID id = UUID.fromString(session.get("id").asString());
    String nonce = session.get("nonce").asString();
    JsonNode answer = null;
    for (BufferedImage frame : frames) {
      var response = client.frame(id, SyntheticLivenessFrames.jpeg(frame), nonce);
      assertThat(response.status()).as(response.response().body()).isEqualTo(200);
      answer = response.json();
      if (!answer.get("state").asString().equals("RUNNING")) {
        break;
      }
    }
    assertThat(answer.get("state").asString()).as("the session ended").isNotEqualTo("RUNNING");
    return answer;
  }

  private static LivenessApiClient.Answer complete(LivenessApiClient client, JsonNode ended) {
    return complete(client, ended.get("session").asString());
  }

  private static LivenessApiClient.Answer complete(LivenessApiClient client, String session) {
    return client.postJson("/api/v1/auth/face/sign-in", "{\"session\":\"" + session + "\"}");
  }

  private AccountView enrolledAs(SyntheticLivenessFrames face) {
    return enrolledAs(face, Role.STUDENT);
  }

  private AccountView enrolledAs(SyntheticLivenessFrames face, Role role) {
    AccountView person = account(role);
    var answer = enrolment.enrolPhotos(person.id(), List.of(SyntheticLivenessFrames.jpeg(face.neutral()),
        SyntheticLivenessFrames.jpeg(face.zoomed(3.0))), FaceEnrolment.CONSENT_VERSION, admin.id());
    assertThat(answer.stored()).as("hints %s", answer.hints()).isPositive();
    return person;
  }

  private AccountView account(Role role) {
    AccountView account = directory.create(new NewAccount("face-sign-in-" + UUID.randomUUID() + "@example.org",
        "Meera Iyer", EnumSet.of(role), null, PASSWORD));
    enrolled.add(account.id());
    return account;
  }

  private Map<String, @Nullable Object> lastAttempt(AccountId account) {
    return jdbc.sql("SELECT identifier, method, outcome FROM identity.sign_in_attempt WHERE account_id = ? "
        + "ORDER BY at DESC").param(account.value()).query().listOfRows().getFirst();
  }
}
