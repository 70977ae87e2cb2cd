package sightline.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The face API over HTTP with the real models and database: keys are created on the admin page, as an
 * administrator would, and every call carries one. Photos: the face-api demo picture sample1 (three different
 * people; the vision tests show every pair of them scores below the threshold).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceApiIntegrationTests {

  /** The three faces of sample1, from the vision library's recorded boxes. */
  private static final BoundingBox[] SAMPLE1_FACES = {new BoundingBox(417, 358, 600, 594),
      new BoundingBox(830, 430, 1033, 650), new BoundingBox(1464, 215, 1679, 428)};

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  JsonMapper json;

  private UsernamePasswordAuthenticationToken admin;
  private Image sample1;

  @BeforeAll
  void createAdministrator() {
    admin = SignedInUser.of(directory.create(new NewAccount("face-api-" + UUID.randomUUID() + "@example.org",
        "Face API admin", EnumSet.of(Role.ADMIN), null, "a long administrator password"))).authentication();
    sample1 = ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample1"));
  }

  // --- Admin page helpers -------------------------------------------------------------------------------------

  private UUID createApplication() {
    var result = mvc.post().uri("/admin/face-api").with(csrf()).with(authentication(admin))
        .param("name", "App " + UUID.randomUUID()).exchange();
    assertThat(result).hasStatus(HttpStatus.FOUND);
    String location = result.getResponse().getRedirectedUrl();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  private String createKey(UUID application, FaceApiScope... scopes) {
    var request = mvc.post().uri("/admin/face-api/" + application + "/keys").with(csrf()).with(authentication(admin))
        .param("name", "key " + UUID.randomUUID());
    for (FaceApiScope scope : scopes) {
      request = request.param("scopes", scope.name());
    }
    var result = request.exchange();
    assertThat(result).hasStatus(HttpStatus.FOUND);
    Object key = result.getMvcResult().getFlashMap().get("newKey");
    assertThat(key).as("the new key is shown once").isInstanceOf(String.class);
    return (String) key;
  }

  private String keyWithAllScopes() {
    return createKey(createApplication(), FaceApiScope.values());
  }

  // --- Image helpers ------------------------------------------------------------------------------------------

  private static byte[] jpeg(BufferedImage image) {
    try (var out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The face with a margin of its own size on each side, so only that face is in the picture. */
  private static byte[] crop(Image photo, BoundingBox face) {
    var box = new BoundingBox(face.left() - face.width() * 0.5, face.top() - face.height() * 0.5,
        face.right() + face.width() * 0.5, face.bottom() + face.height() * 0.5).clippedTo(photo.width(), photo.height());
    return jpeg(photo.toBufferedImage().getSubimage((int) box.left(), (int) box.top(), (int) box.width(),
        (int) box.height()));
  }

  private static byte[] greyPicture() {
    var image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.GRAY);
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    return jpeg(image);
  }

  /** A valid PNG header announcing 6000x5000 pixels (30 MP), with no pixel data. */
  private static byte[] hugePngHeader() {
    ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(6000)
        .putInt(5000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    var crc = new CRC32();
    crc.update(ihdr.array());
    return ByteBuffer.allocate(8 + 4 + 17 + 4 + 12).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
        .putInt(13).put(ihdr.array()).putInt((int) crc.getValue())
        .putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082).array();
  }

  private MvcTestResult upload(String key, String uri, byte[] image) {
    return mvc.post().uri(uri).header("X-Api-Key", key).multipart()
        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", image)).exchange();
  }

  private JsonNode body(MvcTestResult result) {
    try {
      return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private UUID createSubject(String key, String name) {
    var result = mvc.post().uri("/api/v1/faces/subjects").header("X-Api-Key", key)
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}").exchange();
    assertThat(result).hasStatus(HttpStatus.CREATED);
    return UUID.fromString(body(result).get("id").asString());
  }

  // --- Tests --------------------------------------------------------------------------------------------------

  @Test
  void detectsEveryFaceAndAddsOnlyThePluginsAskedFor() {
    String key = keyWithAllScopes();
    byte[] photo = jpeg(sample1.toBufferedImage());

    var plain = upload(key, "/api/v1/faces/detect", photo);
    assertThat(plain).hasStatusOk();
    JsonNode faces = body(plain).get("faces");
    assertThat(faces).hasSize(3);
    for (JsonNode face : faces) {
      assertThat(face.get("score").asDouble()).isBetween(0.65, 1.0);
      assertThat(face.has("box")).isTrue();
      assertThat(face.has("landmarks") || face.has("pose") || face.has("eyes") || face.has("liveness")
          || face.has("quality")).as("no plugin asked for").isFalse();
    }
    assertThat(plain.getRequest().getSession(false)).as("a key never creates a session").isNull();

    // The same photo as a raw image/jpeg body, with two plugins.
    var withPlugins = mvc.post().uri("/api/v1/faces/detect?plugins=landmarks,pose").header("X-Api-Key", key)
        .contentType(MediaType.IMAGE_JPEG).content(photo).exchange();
    assertThat(withPlugins).hasStatusOk();
    for (JsonNode face : body(withPlugins).get("faces")) {
      assertThat(face.get("landmarks")).hasSize(68);
      assertThat(face.get("pose").has("yawDegrees")).isTrue();
      assertThat(face.has("eyes") || face.has("liveness") || face.has("quality")).isFalse();
    }

    var unknownPlugin = mvc.post().uri("/api/v1/faces/detect?plugins=age").header("X-Api-Key", key)
        .contentType(MediaType.IMAGE_JPEG).content(photo).exchange();
    assertThat(unknownPlugin).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(body(unknownPlugin).get("type").asString()).isEqualTo("/problems/face-api-unknown-plugin");
  }

  @Test
  void verifiesTheSamePersonAndRejectsADifferentOne() {
    String key = keyWithAllScopes();
    byte[] first = crop(sample1, SAMPLE1_FACES[0]);
    Image mirrored = sample1.mirrored();
    byte[] firstMirrored = crop(mirrored, SAMPLE1_FACES[0].mirrored(sample1.width()));
    byte[] second = crop(sample1, SAMPLE1_FACES[1]);

    JsonNode same = body(verify(key, first, firstMirrored));
    assertThat(same.get("match").asBoolean()).isTrue();
    assertThat(same.get("similarity").asDouble()).isGreaterThan(same.get("threshold").asDouble());
    assertThat(same.get("threshold").asDouble()).isEqualTo(0.34);
    assertThat(same.get("source").get("faceFound").asBoolean()).isTrue();

    JsonNode different = body(verify(key, first, second));
    assertThat(different.get("match").asBoolean()).isFalse();
    assertThat(different.get("similarity").asDouble()).isLessThan(0.34);

    JsonNode noFace = body(verify(key, first, greyPicture()));
    assertThat(noFace.get("match").asBoolean()).isFalse();
    assertThat(noFace.has("similarity")).isFalse();
    assertThat(noFace.get("target").get("faceFound").asBoolean()).isFalse();
  }

  private MvcTestResult verify(String key, byte[] source, byte[] target) {
    var result = mvc.post().uri("/api/v1/faces/verify").header("X-Api-Key", key).multipart()
        .file(new MockMultipartFile("source", "a.jpg", "image/jpeg", source))
        .file(new MockMultipartFile("target", "b.jpg", "image/jpeg", target)).exchange();
    assertThat(result).hasStatusOk();
    return result;
  }

  @Test
  void recognisesAnEnrolledSubjectAndCallsEveryoneElseUnknown() {
    String key = keyWithAllScopes();
    UUID subject = createSubject(key, "Ada");

    var added = upload(key, "/api/v1/faces/subjects/" + subject + "/images", crop(sample1, SAMPLE1_FACES[0]));
    assertThat(added).hasStatus(HttpStatus.CREATED);
    UUID imageId = UUID.fromString(body(added).get("imageId").asString());

    var several = upload(key, "/api/v1/faces/subjects/" + subject + "/images", jpeg(sample1.toBufferedImage()));
    assertThat(several).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(body(several).get("type").asString()).isEqualTo("/problems/face-api-not-one-face");
    assertThat(body(several).get("faces").asInt()).isEqualTo(3);
    var none = upload(key, "/api/v1/faces/subjects/" + subject + "/images", greyPicture());
    assertThat(none).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(body(none).get("faces").asInt()).isZero();

    JsonNode shown = body(mvc.get().uri("/api/v1/faces/subjects/" + subject).header("X-Api-Key", key).exchange());
    assertThat(shown.get("name").asString()).isEqualTo("Ada");
    assertThat(shown.get("images")).hasSize(1);
    assertThat(shown.get("images").get(0).get("imageId").asString()).isEqualTo(imageId.toString());
    assertThat(shown.get("images").get(0).get("format").asString()).isEqualTo("JPEG");

    // The whole photo, mirrored: Ada is found at her (mirrored) place, the two people never added are unknown.
    Image mirrored = sample1.mirrored();
    var recognised = upload(key, "/api/v1/faces/recognize?limit=3", jpeg(mirrored.toBufferedImage()));
    assertThat(recognised).hasStatusOk();
    JsonNode faces = body(recognised).get("faces");
    assertThat(faces).hasSize(3);
    BoundingBox adaBox = SAMPLE1_FACES[0].mirrored(sample1.width());
    List<String> answers = new ArrayList<>();
    for (JsonNode face : faces) {
      JsonNode b = face.get("box");
      var box = new BoundingBox(b.get("left").asDouble(), b.get("top").asDouble(), b.get("right").asDouble(),
          b.get("bottom").asDouble());
      if (box.iou(adaBox) > 0.5) {
        assertThat(face.get("unknown").asBoolean()).isFalse();
        assertThat(face.get("subjects")).hasSize(1);
        assertThat(face.get("subjects").get(0).get("subject").asString()).isEqualTo(subject.toString());
        assertThat(face.get("subjects").get(0).get("name").asString()).isEqualTo("Ada");
        assertThat(face.get("subjects").get(0).get("similarity").asDouble()).isGreaterThan(0.34);
        answers.add("Ada");
      } else {
        assertThat(face.get("unknown").asBoolean()).isTrue();
        assertThat(face.get("subjects")).isEmpty();
        answers.add("unknown");
      }
    }
    assertThat(answers).containsExactlyInAnyOrder("Ada", "unknown", "unknown");

    // With the liveness check every face is judged, and a face judged a spoof is never matched.
    JsonNode checked = body(upload(key, "/api/v1/faces/recognize?liveness=true", jpeg(mirrored.toBufferedImage())));
    assertThat(checked.get("faces")).hasSize(3).allSatisfy(face -> {
      assertThat(face.get("liveness").get("liveScore").asDouble()).isBetween(0.0, 1.0);
      boolean spoof = !face.get("liveness").get("verdict").asString().equals("LIVE");
      assertThat(face.get("rejectedAsSpoof").asBoolean()).isEqualTo(spoof);
      if (spoof) {
        assertThat(face.get("subjects")).isEmpty();
      }
    });
    assertThat(body(recognised).get("faces").get(0).has("liveness")).as("only when asked").isFalse();

    // Rename, list, then remove the image: Ada is no longer recognised.
    var renamed = mvc.patch().uri("/api/v1/faces/subjects/" + subject).header("X-Api-Key", key)
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ada L.\"}").exchange();
    assertThat(body(renamed).get("name").asString()).isEqualTo("Ada L.");
    JsonNode list = body(mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", key).exchange());
    assertThat(list.get("total").asLong()).isEqualTo(1);
    assertThat(list.get("subjects").get(0).get("imageCount").asInt()).isEqualTo(1);
    assertThat(mvc.delete().uri("/api/v1/faces/subjects/" + subject + "/images/" + imageId).header("X-Api-Key", key)
        .exchange()).hasStatus(HttpStatus.NO_CONTENT);
    JsonNode after = body(upload(key, "/api/v1/faces/recognize", jpeg(mirrored.toBufferedImage())));
    assertThat(after.get("faces")).allSatisfy(face -> assertThat(face.get("unknown").asBoolean()).isTrue());
  }

  @Test
  void deletingASubjectDeletesItsTemplateRowsAndOtherApplicationsNeverSeeIt() {
    String key = keyWithAllScopes();
    UUID subject = createSubject(key, "Grace");
    assertThat(upload(key, "/api/v1/faces/subjects/" + subject + "/images", crop(sample1, SAMPLE1_FACES[1])))
        .hasStatus(HttpStatus.CREATED);
    assertThat(upload(key, "/api/v1/faces/subjects/" + subject + "/images",
        crop(sample1.mirrored(), SAMPLE1_FACES[1].mirrored(sample1.width())))).hasStatus(HttpStatus.CREATED);
    assertThat(templateRows(subject)).isEqualTo(2);
    byte[] sealed = jdbc.queryForObject("SELECT sealed FROM biometrics.face_api_template WHERE subject_id = ? "
        + "FETCH FIRST 1 ROWS ONLY", byte[].class, subject);
    assertThat(sealed).as("sealed: nonce + 512 floats + tag").hasSize(12 + 512 * 4 + 16);

    String otherKey = keyWithAllScopes();
    var foreign = mvc.get().uri("/api/v1/faces/subjects/" + subject).header("X-Api-Key", otherKey).exchange();
    assertThat(foreign).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(body(foreign).get("type").asString()).isEqualTo("/problems/face-api-subject-not-found");
    JsonNode strangers = body(upload(otherKey, "/api/v1/faces/recognize", crop(sample1, SAMPLE1_FACES[1])));
    assertThat(strangers.get("faces").get(0).get("unknown").asBoolean()).isTrue();

    assertThat(mvc.delete().uri("/api/v1/faces/subjects/" + subject).header("X-Api-Key", key).exchange())
        .hasStatus(HttpStatus.NO_CONTENT);
    assertThat(templateRows(subject)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM biometrics.face_api_subject WHERE id = ?", Integer.class,
        subject)).isZero();
    assertThat(mvc.get().uri("/api/v1/faces/subjects/" + subject).header("X-Api-Key", key).exchange())
        .hasStatus(HttpStatus.NOT_FOUND);
  }

  private int templateRows(UUID subject) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM biometrics.face_api_template WHERE subject_id = ?",
        Integer.class, subject);
  }

  @Test
  void keysNeedTheirScopeAndRevokedUnknownOrMissingKeysAreRefused() {
    UUID application = createApplication();
    String detectOnly = createKey(application, FaceApiScope.DETECT);

    var forbidden = mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", detectOnly).exchange();
    assertThat(forbidden).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(forbidden.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(body(forbidden).get("type").asString()).isEqualTo("/problems/face-api-scope-missing");
    assertThat(body(forbidden).get("requiredScope").asString()).isEqualTo("subjects:read");
    assertThat(mvc.post().uri("/api/v1/faces/subjects").header("X-Api-Key", detectOnly)
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange())
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(upload(detectOnly, "/api/v1/faces/detect", greyPicture())).hasStatusOk();

    for (var refused : List.of(
        mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", "sfa_not-a-key-anyone-issued").exchange(),
        mvc.get().uri("/api/v1/faces/subjects").exchange(),
        mvc.get().uri("/api/v1/faces/subjects").with(authentication(admin)).exchange())) {
      assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
      assertThat(body(refused).get("type").asString()).isEqualTo("/problems/face-api-key-rejected");
      assertThat(refused.getResponse().getHeader("WWW-Authenticate")).contains("X-Api-Key");
    }

    // Revoking the key on the admin page stops it at once; the action is recorded with who and when.
    UUID keyId = jdbc.queryForObject("SELECT id FROM biometrics.face_api_key WHERE application_id = ?", UUID.class,
        application);
    assertThat(mvc.post().uri("/admin/face-api/" + application + "/keys/" + keyId + "/revoke").with(csrf())
        .with(authentication(admin)).exchange()).hasStatus(HttpStatus.FOUND);
    assertThat(upload(detectOnly, "/api/v1/faces/detect", greyPicture())).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForList("SELECT action FROM biometrics.face_api_admin_action WHERE application_id = ? "
        + "AND actor = ? ORDER BY at", String.class, application, ((SignedInUser) admin.getPrincipal()).id().value()))
        .containsExactly("APPLICATION_CREATED", "KEY_CREATED", "KEY_REVOKED");
    assertThat(mvc.get().uri("/admin/face-api/" + application).with(authentication(admin)).exchange())
        .hasStatusOk().bodyText().contains("Key revoked").contains("Face API admin");

    // Disabling the application stops its other keys too.
    String another = createKey(application, FaceApiScope.DETECT);
    mvc.post().uri("/admin/face-api/" + application + "/disable").with(csrf()).with(authentication(admin)).exchange();
    assertThat(upload(another, "/api/v1/faces/detect", greyPicture())).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aKeyOverItsRateLimitGets429WithRetryAfter() {
    String key = keyWithAllScopes();
    for (int i = 0; i < 60; i++) { // the bucket starts full: 60 requests
      assertThat(mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", key).exchange()).hasStatusOk();
    }
    // It refills smoothly (one request per second), so on a slow machine a few more may pass before the 429.
    MvcTestResult limited = mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", key).exchange();
    for (int extra = 0; extra < 100 && limited.getResponse().getStatus() == 200; extra++) {
      limited = mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", key).exchange();
    }
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isPositive();
    assertThat(body(limited).get("type").asString()).isEqualTo("/problems/rate-limited");
    // Another key of another application has its own budget.
    assertThat(mvc.get().uri("/api/v1/faces/subjects").header("X-Api-Key", keyWithAllScopes()).exchange())
        .hasStatusOk();
  }

  @Test
  void oversizedAndNonImageUploadsGetProblemDocuments() {
    String key = keyWithAllScopes();
    byte[] tooManyBytes = new byte[5 * 1024 * 1024 + 1];
    tooManyBytes[0] = (byte) 0xFF;
    tooManyBytes[1] = (byte) 0xD8;
    tooManyBytes[2] = (byte) 0xFF;
    var bytes = mvc.post().uri("/api/v1/faces/detect").header("X-Api-Key", key).contentType(MediaType.IMAGE_JPEG)
        .content(tooManyBytes).exchange();
    assertThat(bytes).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(body(bytes).get("type").asString()).isEqualTo("/problems/image-rejected");
    assertThat(body(bytes).get("reason").asString()).isEqualTo("TOO_LARGE");

    var pixels = upload(key, "/api/v1/faces/detect", hugePngHeader());
    assertThat(pixels).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(body(pixels).get("reason").asString()).isEqualTo("TOO_LARGE");

    var text = upload(key, "/api/v1/faces/recognize", "not a picture".getBytes(StandardCharsets.UTF_8));
    assertThat(text).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(body(text).get("reason").asString()).isEqualTo("NOT_AN_IMAGE");

    var missing = mvc.post().uri("/api/v1/faces/detect").header("X-Api-Key", key)
        .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
    assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(body(missing).get("type").asString()).isEqualTo("/problems/face-api-image-missing");
  }

  @Test
  void decompressionAndAspectBombsAreRefusedFromTheirHeaderAndDeepPngsDecodeSmall() {
    String key = keyWithAllScopes();
    // 45 KB, 1 x 23,000,000 pixels: under the 24 MP limit; it once spent 28-57 s resampling in a face-engine slot.
    byte[] aspectBomb = hostile("png-aspect-bomb-1x23000000");
    long start = System.nanoTime();
    var refused = mvc.post().uri("/api/v1/faces/detect").header("X-Api-Key", key).contentType(MediaType.IMAGE_PNG)
        .content(aspectBomb).exchange();
    assertThat(refused).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(body(refused).get("limit").asString()).isEqualTo("SIDE");
    assertThat(body(refused).get("detail").asString()).contains("wider or taller");
    var flat = upload(key, "/api/v1/faces/recognize", hostile("png-aspect-8192x8"));
    assertThat(flat).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(body(flat).get("limit").asString()).isEqualTo("ASPECT_RATIO");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

    // 186 KB of 16-bit RGBA, 4896 x 4896, inside every limit: decoded straight to 1920 px (about 12 MB, not 400).
    start = System.nanoTime();
    var deep = mvc.post().uri("/api/v1/faces/detect").header("X-Api-Key", key).contentType(MediaType.IMAGE_PNG)
        .content(hostile("png-16-bit-rgba-4896x4896")).exchange();
    assertThat(deep).hasStatusOk();
    assertThat(body(deep).get("faces")).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  private static byte[] hostile(String name) {
    return sightline.vision.testing.HostileImages.all().stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow().bytes();
  }

  @Test
  void theApiDescriptionDocumentsTheEndpointsAndTheKeyHeader() {
    var docs = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(docs).hasStatusOk();
    JsonNode api = body(docs);
    JsonNode scheme = api.get("components").get("securitySchemes").get("faceApiKey");
    assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
    assertThat(scheme.get("name").asString()).isEqualTo("X-Api-Key");
    assertThat(scheme.get("in").asString()).isEqualTo("header");
    for (String path : List.of("/api/v1/faces/detect", "/api/v1/faces/verify", "/api/v1/faces/recognize",
        "/api/v1/faces/subjects", "/api/v1/faces/subjects/{subject}", "/api/v1/faces/subjects/{subject}/images",
        "/api/v1/faces/subjects/{subject}/images/{imageId}")) {
      assertThat(api.get("paths").has(path)).as(path).isTrue();
    }
    JsonNode detect = api.get("paths").get("/api/v1/faces/detect").get("post");
    assertThat(detect.get("requestBody").get("content").has("multipart/form-data")).isTrue();
    assertThat(detect.get("requestBody").get("content").has("image/jpeg")).isTrue();
    assertThat(detect.get("responses").propertyNames()).contains("200", "400", "401", "403", "413", "415", "422",
        "429");
  }
}
