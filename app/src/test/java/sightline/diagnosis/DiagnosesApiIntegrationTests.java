package sightline.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * The diagnosis API as a phone app uses it, on the whole application: create, list, get, picture, feedback,
 * delete, with the problems a bad photo or request gets, the per-account rate limit, and advice in Hindi.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DiagnosesApiIntegrationTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  private UsernamePasswordAuthenticationToken farmer() {
    var account = directory.create(new NewAccount("farmer-" + UUID.randomUUID() + "@example.org", "Farmer",
        EnumSet.of(Role.MEMBER), null, null));
    return SignedInUser.of(account).authentication();
  }

  private MvcTestResult upload(UsernamePasswordAuthenticationToken who, byte[] photo, String language) {
    return mvc.post().uri("/api/v1/diagnoses").multipart()
        .file(new MockMultipartFile("photo", "leaf.jpg", "image/jpeg", photo)).with(csrf()).with(authentication(who))
        .header(HttpHeaders.ACCEPT_LANGUAGE, language).accept(MediaType.APPLICATION_JSON).exchange();
  }

  private static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLeafIsDiagnosedListedCorrectedAndDeleted() {
    var who = farmer();
    MvcTestResult created = upload(who, LeafPictures.withExif(LeafPictures.spottedLeaf(400, 300), 6), "en");
    assertThat(created).hasStatus(HttpStatus.CREATED);
    String json = body(created);
    String id = JsonPath.read(json, "$.id");
    assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/diagnoses/" + id);
    assertThat((String) JsonPath.read(json, "$.outcome")).isEqualTo("DIAGNOSED");
    assertThat((List<?>) JsonPath.read(json, "$.predictions")).hasSize(5);
    assertThat((String) JsonPath.read(json, "$.predictions[0].label")).isEqualTo("apple_cedar_apple_rust");
    assertThat((String) JsonPath.read(json, "$.advice.name")).isEqualTo("Cedar apple rust");
    assertThat((String) JsonPath.read(json, "$.advice.chemical")).contains("DMI");
    assertThat((String) JsonPath.read(json, "$.modelVersion")).startsWith("pv16-");
    assertThat((String) JsonPath.read(json, "$.disclaimer")).contains("not a diagnosis by an expert");

    assertThat(mvc.get().uri("/api/v1/diagnoses/" + id).with(authentication(who))).hasStatusOk()
        .bodyJson().extractingPath("$.id").isEqualTo(id);
    MvcTestResult picture = mvc.get().uri("/api/v1/diagnoses/" + id + "/picture").with(authentication(who))
        .exchange();
    assertThat(picture).hasStatusOk().hasContentType(MediaType.IMAGE_JPEG);
    assertThat(LeafPictures.contains(picture.getResponse().getContentAsByteArray(), "SIGHTLINE-GPS")).isFalse();
    assertThat(mvc.get().uri("/api/v1/diagnoses?page=0&size=5").with(authentication(who))).hasStatusOk()
        .bodyJson().extractingPath("$.items[0].id").isEqualTo(id);

    assertThat(mvc.put().uri("/api/v1/diagnoses/" + id + "/feedback").with(csrf()).with(authentication(who))
        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"apple_apple_scab\"}"))
        .hasStatusOk().bodyJson().extractingPath("$.feedback.correct").isEqualTo(false);
    assertThat(mvc.put().uri("/api/v1/diagnoses/" + id + "/feedback").with(csrf()).with(authentication(who))
        .contentType(MediaType.APPLICATION_JSON).content("{\"correct\": true}"))
        .hasStatusOk().bodyJson().extractingPath("$.feedback.label").isEqualTo("apple_cedar_apple_rust");
    MvcTestResult unknown = mvc.put().uri("/api/v1/diagnoses/" + id + "/feedback").with(csrf())
        .with(authentication(who)).contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"banana\"}")
        .exchange();
    assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) JsonPath.read(body(unknown), "$.type")).isEqualTo("/problems/unknown-plant-class");
    assertThat((List<?>) JsonPath.read(body(unknown), "$.labels")).hasSize(16);
    assertThat(mvc.put().uri("/api/v1/diagnoses/" + id + "/feedback").with(csrf()).with(authentication(who))
        .contentType(MediaType.APPLICATION_JSON).content("{\"correct\": false}")).hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/feedback-incomplete");

    var neighbour = farmer();
    assertThat(mvc.get().uri("/api/v1/diagnoses/" + id).with(authentication(neighbour)))
        .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.type").isEqualTo("/problems/diagnosis-not-found");
    assertThat(mvc.delete().uri("/api/v1/diagnoses/" + id).with(csrf()).with(authentication(neighbour)))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(mvc.get().uri("/api/v1/diagnoses/" + id + "/picture").with(authentication(neighbour)))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(mvc.put().uri("/api/v1/diagnoses/" + id + "/feedback").with(csrf()).with(authentication(neighbour))
        .contentType(MediaType.APPLICATION_JSON).content("{\"correct\": true}")).hasStatus(HttpStatus.NOT_FOUND);
    for (String page : List.of("", "/picture", "/thumbnail")) {
      assertThat(mvc.get().uri("/diagnosis/results/" + id + page).with(authentication(neighbour)))
          .hasStatus(HttpStatus.NOT_FOUND);
    }

    assertThat(mvc.delete().uri("/api/v1/diagnoses/" + id).with(csrf()).with(authentication(who)))
        .hasStatus(HttpStatus.NO_CONTENT);
    assertThat(mvc.get().uri("/api/v1/diagnoses/" + id + "/picture").with(authentication(who)))
        .hasStatus(HttpStatus.NOT_FOUND);
  }

  @Test
  void deletingAllRemovesEveryDiagnosisOfTheCallerOnly() {
    var who = farmer();
    var neighbour = farmer();
    upload(who, LeafPictures.spottedLeaf(256, 256), "en");
    upload(who, LeafPictures.grey(256, 256), "en");
    String kept = JsonPath.read(body(upload(neighbour, LeafPictures.spottedLeaf(256, 256), "en")), "$.id");

    assertThat(mvc.delete().uri("/api/v1/diagnoses").with(csrf()).with(authentication(who))).hasStatusOk()
        .bodyJson().extractingPath("$.deleted").isEqualTo(2);
    assertThat(mvc.get().uri("/api/v1/diagnoses").with(authentication(who))).hasStatusOk()
        .bodyJson().extractingPath("$.totalItems").isEqualTo(0);
    assertThat(mvc.get().uri("/api/v1/diagnoses/" + kept).with(authentication(neighbour))).hasStatusOk();
  }

  @Test
  void adviceAndRetakeTipsComeInTheCallersLanguage() {
    var who = farmer();
    String leaf = body(upload(who, LeafPictures.spottedLeaf(256, 256), "hi"));
    assertThat((String) JsonPath.read(leaf, "$.advice.name")).isEqualTo("सेब का देवदार-रतुआ (सीडर ऐपल रस्ट)");
    String grey = body(upload(who, LeafPictures.grey(256, 256), "es"));
    assertThat((String) JsonPath.read(grey, "$.outcome")).isEqualTo("RETAKE");
    assertThat((Object) JsonPath.read(grey, "$.advice")).isNull();
    assertThat((String) JsonPath.read(grey, "$.retake.title")).startsWith("No es una hoja");
    assertThat((List<?>) JsonPath.read(grey, "$.retake.tips")).hasSize(6);
  }

  @Test
  void badPhotosGetProblemsThatSayWhy() {
    var who = farmer();
    MvcTestResult text = upload(who, "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8), "en");
    assertThat(text).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] leaf = LeafPictures.spottedLeaf(256, 256);
    assertThat(upload(who, Arrays.copyOf(leaf, leaf.length / 3), "en")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    MvcTestResult small = upload(who, LeafPictures.spottedLeaf(60, 60), "en");
    assertThat(small).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat((String) JsonPath.read(body(small), "$.type")).isEqualTo("/problems/photo-too-small");
    assertThat(mvc.post().uri("/api/v1/diagnoses").multipart().file(new MockMultipartFile("other", new byte[0]))
        .with(csrf()).with(authentication(who))).hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/photo-missing");
    assertThat(mvc.post().uri("/api/v1/diagnoses").with(csrf()).with(authentication(who))
        .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(mvc.post().uri("/api/v1/diagnoses").multipart()
        .file(new MockMultipartFile("photo", "leaf.jpg", "image/jpeg", leaf)).with(csrf())
        .accept(MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aRawJpegBodyIsDiagnosedToo() {
    assertThat(mvc.post().uri("/api/v1/diagnoses").with(csrf()).with(authentication(farmer()))
        .contentType(MediaType.IMAGE_JPEG).content(LeafPictures.spottedLeaf(256, 256)))
        .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.outcome").isEqualTo("DIAGNOSED");
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("\"/api/v1/diagnoses\"",
        "\"/api/v1/diagnoses/{id}\"", "\"/api/v1/diagnoses/{id}/feedback\"", "\"/api/v1/diagnoses/{id}/picture\"",
        "Plant diagnosis");
  }

  @Test
  void photosAreRateLimitedPerAccount() {
    var who = farmer();
    byte[] photo = LeafPictures.spottedLeaf(128, 128);
    MvcTestResult last = null;
    for (int i = 0; i < 31; i++) {   // the default limit is 30 an hour
      last = upload(who, photo, "en");
      if (last.getResponse().getStatus() == 429) {
        break;
      }
    }
    assertThat(last).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(last.getResponse().getHeader("Retry-After")).isNotBlank();
    assertThat(upload(farmer(), photo, "en")).hasStatus(HttpStatus.CREATED);   // another account is not limited
  }
}
