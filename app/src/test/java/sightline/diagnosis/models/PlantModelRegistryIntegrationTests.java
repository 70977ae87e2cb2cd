package sightline.diagnosis.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.diagnosis.LeafPictures;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.vision.model.ModelStore;

/**
 * The model registry through the administrators' page: an uploaded model is checked before it is used, results keep
 * the version that produced them, the previous model can be restored; and the feedback export.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlantModelRegistryIntegrationTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  @Autowired
  PlantModels models;

  private final ModelStore store = ModelStore.atDefaultLocation();

  @AfterEach
  void useTheBundledModelAgain() {
    String bundled = models.list().getFirst().version();
    if (!models.activeVersion().equals(bundled)) {
      models.activate(bundled, sightline.identity.AccountId.random());
    }
  }

  private UsernamePasswordAuthenticationToken person(Role role) {
    var account = directory.create(new NewAccount("registry-" + UUID.randomUUID() + "@example.org", "Registry",
        EnumSet.of(role), null, null));
    return SignedInUser.of(account).authentication();
  }

  private byte[] bundledOnnx() throws IOException {
    return Files.readAllBytes(store.verifiedPath("plant_disease"));
  }

  /** The bundled metadata file with a new version and one change ({@code key=value}, or a key to drop). */
  private byte[] metadata(String version, String change) throws IOException {
    String text = Files.readString(store.verifiedPath("plant_disease_metadata"), StandardCharsets.UTF_8)
        .replaceAll("(?m)^version=.*$", "version=" + version);
    if (change.contains("=")) {
      String key = change.substring(0, change.indexOf('='));
      text = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", change);
    } else if (!change.isEmpty()) {
      text = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(change) + "=.*$\\n", "");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private MvcTestResult upload(UsernamePasswordAuthenticationToken who, byte[] onnx, byte[] metadata) {
    return mvc.post().uri("/admin/diagnosis/models").multipart()
        .file(new MockMultipartFile("model", "plant.onnx", "application/octet-stream", onnx))
        .file(new MockMultipartFile("metadata", "plant.properties", "text/plain", metadata))
        .with(csrf()).with(authentication(who)).exchange();
  }

  private String diagnose(UsernamePasswordAuthenticationToken who) throws IOException {
    MvcTestResult result = mvc.post().uri("/api/v1/diagnoses").multipart()
        .file(new MockMultipartFile("photo", "leaf.jpg", "image/jpeg", LeafPictures.spottedLeaf(256, 256)))
        .with(csrf()).with(authentication(who)).accept(MediaType.APPLICATION_JSON).exchange();
    assertThat(result).hasStatus(HttpStatus.CREATED);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aCheckedUploadIsUsedResultsKeepTheirVersionAndThePreviousModelCanBeRestored() throws IOException {
    var admin = person(Role.ADMIN);
    var farmer = person(Role.MEMBER);
    String bundled = models.activeVersion();
    String version = "test-" + UUID.randomUUID();

    assertThat(upload(admin, bundledOnnx(), metadata(version, ""))).hasRedirectedUrl("/admin/diagnosis")
        .flash().containsEntry("activated", version);
    assertThat(models.activeVersion()).isEqualTo(version);
    assertThat(mvc.get().uri("/admin/diagnosis").with(authentication(admin))).hasStatusOk()
        .bodyText().contains(version).contains(bundled);
    String byUpload = diagnose(farmer);
    assertThat((String) JsonPath.read(byUpload, "$.modelVersion")).isEqualTo(version);

    assertThat(mvc.post().uri("/admin/diagnosis/models/restore-previous").with(csrf()).with(authentication(admin)))
        .hasRedirectedUrl("/admin/diagnosis").flash().containsEntry("activated", bundled);
    assertThat((String) JsonPath.read(diagnose(farmer), "$.modelVersion")).isEqualTo(bundled);
    String id = JsonPath.read(byUpload, "$.id");
    assertThat(mvc.get().uri("/api/v1/diagnoses/" + id).with(authentication(farmer))).hasStatusOk()
        .bodyJson().extractingPath("$.modelVersion").isEqualTo(version);

    assertThat(mvc.post().uri("/admin/diagnosis/models/activate").param("version", version).with(csrf())
        .with(authentication(admin))).hasRedirectedUrl("/admin/diagnosis");
    assertThat(models.activeVersion()).isEqualTo(version);
  }

  @Test
  void modelsThatFailTheirChecksAreNotStored() throws IOException {
    var admin = person(Role.ADMIN);
    String bundled = models.activeVersion();
    assertThat(upload(admin, bundledOnnx(), metadata("test-" + UUID.randomUUID(), "label.15")))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);   // 15 labels for 16 outputs
    assertThat(upload(admin, bundledOnnx(), metadata("test-" + UUID.randomUUID(), "input.width=64")))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);   // the model takes 128x128
    assertThat(upload(admin, "not an onnx file".getBytes(StandardCharsets.UTF_8),
        metadata("test-" + UUID.randomUUID(), ""))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(upload(admin, bundledOnnx(), metadata(bundled, ""))).hasStatus(HttpStatus.CONFLICT);
    assertThat(upload(admin, bundledOnnx(), metadata("test-" + UUID.randomUUID(), "input.layout=SIDEWAYS")))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(models.activeVersion()).isEqualTo(bundled);
    assertThat(models.list()).noneMatch(m -> m.version().startsWith("test-") && m.active());
    assertThat(mvc.post().uri("/admin/diagnosis/models/activate").param("version", "no-such-model").with(csrf())
        .with(authentication(admin))).hasStatus(HttpStatus.NOT_FOUND);
  }

  @Test
  void labelsAndMetadataLongerThanTheirColumnsAreRefusedBeforeTheyCanBreakDiagnoses() throws IOException {
    var admin = person(Role.ADMIN);
    String bundled = models.activeVersion();
    assertRejected(upload(admin, bundledOnnx(), metadata("test-" + UUID.randomUUID(), "label.3=" + "x".repeat(201))),
        "at most 200 characters");
    byte[] padded = (new String(metadata("test-" + UUID.randomUUID(), ""), StandardCharsets.UTF_8)
        + "# " + "x".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8);
    assertRejected(upload(admin, bundledOnnx(), padded), "at most 20000 characters");
    assertThat(models.activeVersion()).isEqualTo(bundled);
  }

  private static void assertRejected(MvcTestResult result, String reason) {
    assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(result.getMvcResult().getResolvedException()).isInstanceOfSatisfying(ModelRejected.class,
        e -> assertThat(e.getDetailMessageArguments()[0].toString()).contains(reason));
  }

  @Test
  void twoUploadsOfOneVersionAtOnceStoreOneAndTellTheOtherTheVersionIsTaken() throws Exception {
    var admin = person(Role.ADMIN);
    byte[] onnx = bundledOnnx();
    byte[] metadata = metadata("test-" + UUID.randomUUID(), "");
    var start = new java.util.concurrent.CountDownLatch(1);
    var statuses = new java.util.ArrayList<Integer>();
    try (var admins = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<MvcTestResult>>();
      for (int i = 0; i < 2; i++) {
        answers.add(admins.submit(() -> {
          start.await();
          return upload(admin, onnx, metadata);
        }));
      }
      start.countDown();
      for (var answer : answers) {
        statuses.add(answer.get().getResponse().getStatus());
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.FOUND.value(), HttpStatus.CONFLICT.value());
  }

  @Test
  void onlyAdministratorsManageModels() throws IOException {
    var teacher = person(Role.TEACHER);
    assertThat(upload(teacher, bundledOnnx(), metadata("test-" + UUID.randomUUID(), "")))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/admin/diagnosis/feedback.zip").with(authentication(person(Role.MEMBER))))
        .hasStatus(HttpStatus.FORBIDDEN);
  }

  @Test
  void feedbackIsExportedAsAFolderPerClassWithACsv() throws IOException {
    var farmer = person(Role.MEMBER);
    String id = JsonPath.read(diagnose(farmer), "$.id");
    assertThat(mvc.put().uri("/api/v1/diagnoses/" + id + "/feedback").with(csrf()).with(authentication(farmer))
        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"apple_apple_scab\"}")).hasStatusOk();

    MvcTestResult export = mvc.get().uri("/admin/diagnosis/feedback.zip").with(authentication(person(Role.ADMIN)))
        .exchange();
    assertThat(export).hasStatusOk().hasContentType("application/zip");
    Map<String, byte[]> entries = new HashMap<>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    String file = "images/apple_apple_scab/" + id + ".jpg";
    assertThat(entries).containsKey(file);
    assertThat(entries.get(file)).startsWith((byte) 0xFF, (byte) 0xD8);
    String csv = new String(entries.get("labels.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("file,label,correct,predicted,");
    assertThat(csv).contains(file + ",apple_apple_scab,false,apple_cedar_apple_rust,");
    assertThat(csv).doesNotContain(((SignedInUser) farmer.getPrincipal()).id().toString());
  }
}
