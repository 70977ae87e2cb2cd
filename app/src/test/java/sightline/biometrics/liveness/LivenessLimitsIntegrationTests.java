package sightline.biometrics.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sightline.biometrics.BiometricSettings;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.LivenessLimitReached;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessions;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The liveness limits as documented, with the default settings, through the HTTP API: 20 session starts per minute
 * per address, and failed face sign-ins that lock out the person they claim, not everyone behind the same address.
 * Each test uses its own client address (MockMvc sets it), so the limits of other tests do not interfere.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LivenessLimitsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvcTester mvc;
  @Autowired FaceEngine faces;
  @Autowired LivenessSessions sessions;
  @Autowired BiometricSettings settings;
  @Autowired AccountDirectory directory;

  @Test
  void aBurstOfSessionStartsBeyondTwentyAMinuteIsRefusedWithRetryAfter() {
    RequestPostProcessor from = address();
    List<Integer> statuses = new ArrayList<>();
    MockHttpServletResponse last = null;
    for (int i = 0; i < 25; i++) {
      last = mvc.post().uri("/api/v1/liveness/sessions").with(csrf()).with(from)
          .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content("{}")
          .exchange().getResponse();
      statuses.add(last.getStatus());
    }
    assertThat(statuses.subList(0, 20)).containsOnly(201);
    assertThat(statuses.subList(20, 25)).containsOnly(429);
    assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(json(last).get("type").asString()).isEqualTo("/problems/liveness-limit-reached");
    assertThat(json(last).get("limit").asString()).isEqualTo("SESSION_STARTS");
  }

  @Test
  void failedFaceSignInsLockOutTheClaimedPersonButNotOthersBehindTheSameAddress() {
    var meera = SyntheticLivenessFrames.sample3(faces);
    var stranger = SyntheticLivenessFrames.of(faces, "sample5", new Point(1196, 317));
    byte[] own = SyntheticLivenessFrames.jpeg(meera.neutral());
    byte[] other = SyntheticLivenessFrames.jpeg(stranger.neutral());
    RequestPostProcessor school = address();
    String victim = "victim-" + UUID.randomUUID() + "@example.org";

    for (int i = 0; i < 5; i++) {   // the face changes in every session: FAILED after five frames
      var http = new MockHttpSession();
      JsonNode started = json(startFaceSignIn(school, http, victim));
      String state = "";
      for (byte[] frame : List.of(own, own, own, other, other)) {
        state = json(mvc.post().uri("/api/v1/liveness/sessions/" + started.get("id").asString() + "/frames")
            .with(school).session(http).header("X-Liveness-Nonce", started.get("nonce").asString())
            .contentType(MediaType.IMAGE_JPEG).accept(MediaType.APPLICATION_JSON).content(frame)
            .exchange().getResponse()).get("state").asString();
      }
      assertThat(state).isEqualTo("FAILED");
    }

    // Everyone else at the school's address still starts face sign-in (it was a 30-minute lockout for them all).
    for (int i = 0; i < 3; i++) {
      assertThat(startFaceSignIn(school, new MockHttpSession(), "classmate-" + UUID.randomUUID() + "@example.org")
          .getStatus()).isEqualTo(201);
    }
    // The claimed person is locked for 30 minutes, from any address.
    assertThatThrownBy(() -> sessions.start(LivenessPurpose.SIGN_IN, null, victim, "192.0.2.200"))
        .isInstanceOfSatisfying(LivenessLimitReached.class, e -> {
          assertThat(e.getBody().getProperties()).containsEntry("limit", "FAILED_SESSIONS");
          assertThat(e.retryAfterSeconds()).isGreaterThan(29 * 60);
        });
  }

  @Test
  void faceOnlySignInsBehindOneAddressAreBoundedByTheAddressesSessionStartsNotOnePersonsLimit() {
    var before = settings.current();
    var admin = directory.create(new NewAccount("limits-admin-" + UUID.randomUUID() + "@example.org", "Limits admin",
        EnumSet.of(Role.ADMIN), null, "a long limits password"));
    settings.change(before.storeAuditFrames(), true, admin.id());
    try {
      RequestPostProcessor school = address();
      List<Integer> statuses = new ArrayList<>();
      MockHttpServletResponse last = null;
      for (int i = 0; i < 21; i++) {
        last = mvc.post().uri("/api/v1/auth/face/sessions").with(csrf()).with(school)
            .session(new MockHttpSession()).contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON).content("{}").exchange().getResponse();
        statuses.add(last.getStatus());
      }
      // Once five per minute per address (the one-person sign-in limit): the sixth pupil at a school waited. Now the
      // address's liveness session starts bound it, 20 a minute.
      assertThat(statuses.subList(0, 20)).containsOnly(201);
      assertThat(statuses.get(20)).isEqualTo(429);
      assertThat(json(last).get("limit").asString()).isEqualTo("SESSION_STARTS");
    } finally {
      settings.change(before.storeAuditFrames(), before.faceOnlySignIn(), admin.id());
    }
  }

  private MockHttpServletResponse startFaceSignIn(RequestPostProcessor from, MockHttpSession http, String email) {
    return mvc.post().uri("/api/v1/auth/face/sessions").with(csrf()).with(from).session(http)
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .content("{\"email\":\"" + email + "\"}").exchange().getResponse();
  }

  /** A client address of this test's own. */
  private static RequestPostProcessor address() {
    String address = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
        + (1 + (int) (Math.random() * 250));
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static JsonNode json(MockHttpServletResponse response) {
    try {
      return JSON.readTree(response.getContentAsString());
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
