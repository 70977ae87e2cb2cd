package sightline.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Purpose;
import sightline.biometrics.FaceFixtures.Pose;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.BoundingBox;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceEmbedding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrolment, verification, identification, deletion and the decision audit with the real models and database. Each
 * test deletes the face data it enrolled, because the face index is shared by every test in the JVM and the same
 * fixture face cannot be enrolled for two accounts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FaceBiometricsIntegrationTests {

  @Autowired FaceEnrolment enrolment;
  @Autowired FaceMatching matching;
  @Autowired BiometricSettings settings;
  @Autowired FaceEngine engine;
  @Autowired ImageInput images;
  @Autowired TemplateCipher cipher;
  @Autowired AccountDirectory directory;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvcTester mvc;
  @Autowired JsonMapper json;

  private final List<AccountId> enrolled = new ArrayList<>();

  @AfterEach
  void deleteFaceData() {
    enrolled.forEach(enrolment::delete);
  }

  private AccountView person(Role role) {
    AccountView account = directory.create(new NewAccount("face-" + UUID.randomUUID() + "@example.org", "Face Person",
        EnumSet.of(role), null, "a long face test password"));
    enrolled.add(account.id());
    return account;
  }

  private static UsernamePasswordAuthenticationToken as(AccountView account) {
    return SignedInUser.of(account).authentication();
  }

  private int rows(String table, AccountId account) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM biometrics." + table + " WHERE account_id = ?", Integer.class,
        account.value());
  }

  @Test
  void cameraEnrolmentAcceptsGoodFramesAndVerifiesTheSamePersonOnly() {
    AccountId ana = person(Role.STUDENT).id();
    assertThatThrownBy(() -> enrolment.enrolFrame(ana, FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(0))))
        .isInstanceOf(ConsentRequired.class);
    enrolment.recordConsent(ana, FaceEnrolment.CONSENT_VERSION, ana);

    assertThat(enrolment.enrolFrame(ana, FaceFixtures.photo("sample1")).hint()).isEqualTo(EnrolmentHint.ONE_FACE_ONLY);
    var first = enrolment.enrolFrame(ana, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(0)));
    assertThat(first.accepted()).as("hint %s", first.hint()).isTrue();
    assertThat(first.acceptedFrames()).isEqualTo(1);
    assertThat(enrolment.enrolFrame(ana, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(0))).hint())
        .as("the same frame again").isEqualTo(EnrolmentHint.MOVE_SLIGHTLY);
    assertThat(enrolment.enrolFrame(ana, FaceFixtures.image(FaceFixtures.BEA, FaceFixtures.POSES.get(0))).hint())
        .isEqualTo(EnrolmentHint.NOT_THE_SAME_PERSON);
    assertThat(enrolment.enrolFrame(ana, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(1))).accepted())
        .isTrue();
    assertThat(enrolment.status(ana).templates()).as("nothing stored before the last frame").isZero();
    var last = enrolment.enrolFrame(ana, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(2)));
    assertThat(last.complete()).isTrue();
    assertThat(enrolment.status(ana).templates()).isEqualTo(FaceEnrolment.FRAMES_PER_ENROLMENT);
    assertThat(rows("face_template", ana)).isEqualTo(FaceEnrolment.FRAMES_PER_ENROLMENT);

    FaceDecision same = matching.verify(ana, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(4)),
        Purpose.SELF_CHECK, ana);
    assertThat(same.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(same.matched()).isEqualTo(ana);
    assertThat(same.similarity()).isGreaterThanOrEqualTo(FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3);
    assertThat(same.livenessScore()).isGreaterThanOrEqualTo(0.9);

    FaceDecision other = matching.verify(ana, FaceFixtures.image(FaceFixtures.BEA, FaceFixtures.POSES.get(0)),
        Purpose.SELF_CHECK, ana);
    assertThat(other.outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(other.similarity()).isLessThan(FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3);

    var audit = jdbc.queryForMap("SELECT * FROM biometrics.face_decision WHERE id = ?", other.id());
    assertThat(audit.get("outcome")).isEqualTo("NO_MATCH");
    assertThat(audit.get("purpose")).isEqualTo("SELF_CHECK");
    assertThat(audit.get("mode")).isEqualTo("VERIFY");
    assertThat(audit.get("claimed_account")).isEqualTo(ana.value());
    assertThat(audit.get("requested_by")).isEqualTo(ana.value());
    assertThat(((Number) audit.get("similarity")).doubleValue()).isEqualTo(other.similarity());
    assertThat(audit.get("reasons")).isEqualTo("LIVENESS_PASSED,SIMILARITY_BELOW_THRESHOLD");

    // The same face cannot become a second account's.
    AccountId impostor = person(Role.STUDENT).id();
    enrolment.recordConsent(impostor, FaceEnrolment.CONSENT_VERSION, impostor);
    assertThat(enrolment.enrolFrame(impostor, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(3))).hint())
        .isEqualTo(EnrolmentHint.ENROLLED_AS_SOMEONE_ELSE);
  }

  @Test
  void templatesAreSealedForTheirOwnerOnly() {
    AccountId ana = person(Role.STUDENT).id();
    List<byte[]> photos = FaceFixtures.POSES.subList(0, 2).stream().map(p -> FaceFixtures.jpeg(FaceFixtures.ANA, p))
        .toList();
    assertThat(enrolment.enrolPhotos(ana, photos, FaceEnrolment.CONSENT_VERSION, ana).stored()).isEqualTo(2);

    float[] plain = engine.analyze(images.decode(photos.getFirst(), ImageUse.PHOTO), Set.of(FaceAttribute.EMBEDDING))
        .getFirst().embedding().vector();
    ByteBuffer buffer = ByteBuffer.allocate(plain.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(plain);
    byte[] plainBytes = buffer.array();
    var rows = jdbc.queryForList("SELECT key_id, sealed FROM biometrics.face_template WHERE account_id = ?",
        ana.value());
    assertThat(rows).hasSize(2);
    for (var row : rows) {
      byte[] sealed = (byte[]) row.get("sealed");
      assertThat(row.get("key_id")).isEqualTo(cipher.currentKeyId());
      assertThat(sealed.length).isEqualTo(12 + 512 * 4 + 16);
      assertThat(indexOf(sealed, java.util.Arrays.copyOf(plainBytes, 16))).as("plaintext floats in the row").isEqualTo(-1);
      var box = new TemplateCipher.Sealed((String) row.get("key_id"), sealed);
      assertThat(cipher.open(box, "account:" + ana.value())).hasSize(512);
      assertThatThrownBy(() -> cipher.open(box, "account:" + UUID.randomUUID()))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void administratorsEnrolFromPhotosAndDeletionRemovesEveryRow() throws Exception {
    AccountView admin = person(Role.ADMIN);
    AccountView bea = person(Role.STUDENT);
    var upload = mvc.post().uri("/api/v1/biometrics/accounts/" + bea.id() + "/photos").multipart()
        .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(0))))
        .file(new MockMultipartFile("photos", "b.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(2))))
        .file(new MockMultipartFile("photos", "group.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.photo("sample3").toBufferedImage())))
        .param("consentVersion", FaceEnrolment.CONSENT_VERSION).with(csrf()).with(authentication(as(admin)))
        .exchange();
    assertThat(upload).hasStatusOk();
    JsonNode answer = json.readTree(upload.getResponse().getContentAsString());
    assertThat(answer.get("stored").asInt()).isEqualTo(2);
    assertThat(answer.get("hints").get(0).isNull()).isTrue();
    assertThat(answer.get("hints").get(2).asString()).isEqualTo("ONE_FACE_ONLY");
    assertThat(enrolment.status(bea.id()).consentRecordedBy()).isEqualTo(admin.id());

    var verify = mvc.post().uri("/api/v1/biometrics/accounts/" + bea.id() + "/verify").contentType(MediaType.IMAGE_JPEG)
        .content(FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(4))).with(csrf())
        .with(authentication(as(admin))).exchange();
    assertThat(verify).hasStatusOk();
    assertThat(json.readTree(verify.getResponse().getContentAsString()).get("outcome").asString()).isEqualTo("MATCH");

    assertThat(rows("face_template", bea.id())).isEqualTo(2);
    assertThat(rows("face_consent", bea.id())).isEqualTo(1);
    assertThat(mvc.delete().uri("/api/v1/biometrics/accounts/" + bea.id() + "/enrolment").with(csrf())
        .with(authentication(as(admin)))).hasStatusOk();
    assertThat(rows("face_template", bea.id())).isZero();
    assertThat(rows("face_consent", bea.id())).isZero();
    assertThat(matching.verify(bea.id(), FaceFixtures.image(FaceFixtures.BEA, FaceFixtures.POSES.get(4)),
        Purpose.PHOTO_CHECK, admin.id()).outcome()).isEqualTo(Outcome.NOT_ENROLLED);
  }

  @Test
  void identificationAnswersUnknownForPeopleNeverEnrolled() throws Exception {
    AccountId ana = person(Role.STUDENT).id();
    enrolment.enrolPhotos(ana, List.of(FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(0)),
        FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(1))), FaceEnrolment.CONSENT_VERSION, ana);

    FaceDecision found = matching.identify(FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(4)), null,
        Purpose.API, null);
    assertThat(found.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(found.matched()).isEqualTo(ana);
    assertThat(matching.identify(FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(4)),
        Set.of(AccountId.random()), Purpose.API, null).outcome()).isEqualTo(Outcome.NOT_ENROLLED);

    // Everyone in sample4 and sample6 was never enrolled: each face, searched among everyone, is unknown.
    int strangers = 0;
    for (String sample : List.of("sample4", "sample6")) {
      for (DetectedFace face : engine.analyze(FaceFixtures.photo(sample), Set.of(FaceAttribute.EMBEDDING))) {
        FaceDecision decision = matching.identify(face.embedding(), null, 1.0, Purpose.API, null);
        assertThat(decision.outcome()).as("%s face at %s", sample, face.box()).isEqualTo(Outcome.UNKNOWN);
        assertThat(decision.matched()).isNull();
        assertThat(decision.similarity()).isLessThan(matching.matchThreshold());
        strangers++;
      }
    }
    assertThat(strangers).isEqualTo(8);

    AccountView teacher = person(Role.TEACHER);
    var api = mvc.post().uri("/api/v1/biometrics/identify").contentType(MediaType.IMAGE_JPEG)
        .content(FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(0))).with(csrf())
        .with(authentication(as(teacher))).exchange();
    assertThat(api).hasStatusOk();
    JsonNode decision = json.readTree(api.getResponse().getContentAsString());
    assertThat(decision.get("outcome").asString()).isEqualTo("UNKNOWN");
    assertThat(decision.get("matched").isNull()).isTrue();
    assertThat(decision.get("threshold").asDouble()).isEqualTo(0.34);
  }

  @Test
  void auditFramesAreKeptOnlyWhenSwitchedOnAndGoWithThePersonsData() {
    AccountView admin = person(Role.ADMIN);
    AccountId bea = person(Role.STUDENT).id();
    enrolment.enrolPhotos(bea, List.of(FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(0))),
        FaceEnrolment.CONSENT_VERSION, admin.id());
    FaceDecision unrecorded = matching.verify(bea, FaceFixtures.image(FaceFixtures.BEA, FaceFixtures.POSES.get(4)),
        Purpose.PHOTO_CHECK, admin.id());
    assertThat(matching.auditFrame(unrecorded.id())).isEmpty();
    try {
      settings.change(true, false, admin.id());
      FaceDecision recorded = matching.verify(bea, FaceFixtures.image(FaceFixtures.BEA, FaceFixtures.POSES.get(2)),
          Purpose.PHOTO_CHECK, admin.id());
      assertThat(rows("audit_frame", bea)).isEqualTo(1);
      byte[] jpeg = matching.auditFrame(recorded.id()).orElseThrow();
      assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
      assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
      byte[] sealed = jdbc.queryForObject("SELECT sealed FROM biometrics.audit_frame WHERE account_id = ?",
          byte[].class, bea.value());
      assertThat(sealed).hasSize(12 + jpeg.length + 16);
      assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(jpeg, 100, 132))).as("JPEG bytes in the row").isEqualTo(-1);
      assertThat(mvc.get().uri("/admin/biometrics/decisions/" + recorded.id() + "/frame")
          .with(authentication(as(admin)))).hasStatusOk().hasContentType(MediaType.IMAGE_JPEG);
      assertThat(mvc.get().uri("/admin/biometrics").with(authentication(as(admin)))).hasStatusOk()
          .bodyText().contains(recorded.id().toString());
      FaceDecision stranger = matching.verify(bea, FaceFixtures.image(FaceFixtures.ANA, FaceFixtures.POSES.get(0)),
          Purpose.PHOTO_CHECK, admin.id());
      assertThat(stranger.isMatch()).isFalse();
      assertThat(matching.auditFrame(stranger.id())).as("a stranger's picture is never kept").isEmpty();

      enrolment.delete(bea, admin.id());
      assertThat(rows("audit_frame", bea)).as("kept pictures go with the person's data").isZero();

      enrolment.enrolPhotos(bea, List.of(FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(0))),
          FaceEnrolment.CONSENT_VERSION, admin.id());
      matching.verify(bea, FaceFixtures.image(FaceFixtures.BEA, FaceFixtures.POSES.get(2)), Purpose.PHOTO_CHECK,
          admin.id());
      assertThat(rows("audit_frame", bea)).isEqualTo(1);
      settings.change(false, false, admin.id());
      assertThat(rows("audit_frame", bea)).as("switching the setting off deletes every kept picture").isZero();
    } finally {
      settings.change(false, false, admin.id());
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM biometrics.face_decision WHERE claimed_account = ?",
        Integer.class, bea.value())).as("decisions stay: scores and ids only").isEqualTo(4);
  }

  @Test
  void theAdministratorPageEnrolsFromPhotosAndChecksUploads() throws Exception {
    AccountView admin = person(Role.ADMIN);
    AccountView bea = person(Role.STUDENT);
    String page = "/admin/accounts/" + bea.id() + "/face";
    assertThat(mvc.get().uri("/admin/accounts/" + bea.id()).with(authentication(as(admin)))).hasStatusOk()
        .bodyText().contains("href=\"" + page + "\"");

    var refused = mvc.post().uri(page + "/photos").multipart()
        .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(0))))
        .with(csrf()).with(authentication(as(admin))).exchange();
    assertThat(refused).hasRedirectedUrl(page).flash().containsEntry("problem", "face.admin.consentMissing");
    assertThat(rows("face_template", bea.id())).isZero();

    var enrolled = mvc.post().uri(page + "/photos").multipart()
        .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(0))))
        .file(new MockMultipartFile("photos", "b.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(3))))
        .param("consent", "true").with(csrf()).with(authentication(as(admin))).exchange();
    assertThat(enrolled).hasRedirectedUrl(page).flash().containsEntry("notice", "face.admin.enrolled");
    assertThat(rows("face_template", bea.id())).isEqualTo(2);
    assertThat(mvc.get().uri(page).with(authentication(as(admin)))).hasStatusOk().bodyText()
        .contains("Enrolled: 2 face templates");

    var identified = mvc.post().uri(page + "/identify").multipart()
        .file(new MockMultipartFile("photo", "c.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.BEA, FaceFixtures.POSES.get(4))))
        .with(csrf()).with(authentication(as(admin))).exchange();
    assertThat(identified).hasStatusOk().bodyText().contains("data-outcome=\"MATCH\"").contains("id=\"matched-person\"");

    var stranger = mvc.post().uri(page + "/identify").multipart()
        .file(new MockMultipartFile("photo", "d.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(0))))
        .with(csrf()).with(authentication(as(admin))).exchange();
    assertThat(stranger).hasStatusOk().bodyText().contains("data-outcome=\"UNKNOWN\"")
        .contains("Unknown: nobody enrolled matches").doesNotContain("id=\"matched-person\"");

    var otherPerson = mvc.post().uri(page + "/verify").multipart()
        .file(new MockMultipartFile("photo", "e.jpg", "image/jpeg", FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(1))))
        .with(csrf()).with(authentication(as(admin))).exchange();
    assertThat(otherPerson).hasStatusOk().bodyText().contains("data-outcome=\"NO_MATCH\"")
        .contains("Liveness is not required for a photo check.");

    assertThat(mvc.post().uri(page + "/delete").param("confirm", "true").with(csrf()).with(authentication(as(admin))))
        .hasRedirectedUrl(page);
    assertThat(rows("face_template", bea.id())).isZero();
  }

  @Test
  void theFrameApiAnswersHintsAndProblems() throws Exception {
    AccountView ana = person(Role.STUDENT);
    var noConsent = mvc.post().uri("/api/v1/biometrics/enrolment/frames").contentType(MediaType.IMAGE_JPEG)
        .content(FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(0))).with(csrf())
        .with(authentication(as(ana))).exchange();
    assertThat(noConsent).hasStatus(409);
    assertThat(noConsent.getResponse().getContentAsString()).contains("/problems/face-consent-required")
        .contains(FaceEnrolment.CONSENT_VERSION);

    assertThat(mvc.post().uri("/api/v1/biometrics/consent").contentType(MediaType.APPLICATION_JSON)
        .content("{\"consentVersion\":\"" + FaceEnrolment.CONSENT_VERSION + "\"}").with(csrf())
        .with(authentication(as(ana)))).hasStatusOk();
    var dark = mvc.post().uri("/api/v1/biometrics/enrolment/frames").contentType(MediaType.IMAGE_JPEG)
        .content(FaceFixtures.jpeg(new FaceFixtures.Person("sample5", new BoundingBox(372, 887, 551, 1164)),
            new Pose(0.8, 0, 0, false)))
        .with(csrf()).with(authentication(as(ana))).exchange();
    assertThat(dark).hasStatusOk();
    JsonNode answer = json.readTree(dark.getResponse().getContentAsString());
    assertThat(answer.get("accepted").asBoolean()).isFalse();
    assertThat(answer.get("hint").asString()).isEqualTo("MORE_LIGHT");

    var notAPicture = mvc.post().uri("/api/v1/biometrics/enrolment/frames").contentType(MediaType.IMAGE_JPEG)
        .content("<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8)).with(csrf()).with(authentication(as(ana)))
        .exchange();
    assertThat(notAPicture).hasStatus(415);
    assertThat(notAPicture.getResponse().getContentAsString()).contains("/problems/image-rejected");

    var tooLarge = mvc.post().uri("/api/v1/biometrics/enrolment/frames").contentType(MediaType.IMAGE_JPEG)
        .content(new byte[3 * 1024 * 1024]).with(csrf()).with(authentication(as(ana))).exchange();
    assertThat(tooLarge).hasStatus(413);
    assertThat(tooLarge.getResponse().getContentAsString()).contains("/problems/frame-too-large");

    assertThat(mvc.post().uri("/api/v1/biometrics/identify").contentType(MediaType.IMAGE_JPEG)
        .content(FaceFixtures.jpeg(FaceFixtures.ANA, FaceFixtures.POSES.get(0))).with(csrf())
        .with(authentication(as(ana)))).hasStatus(403);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
