package sightline.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/** The diagnosis pages without JavaScript: disclaimer once, upload, result, retake, feedback, history, deletion. */
@SpringBootTest
@AutoConfigureMockMvc
class DiagnosisPagesIntegrationTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  @Autowired
  Diagnoses diagnoses;

  private UsernamePasswordAuthenticationToken farmer() {
    return SignedInUser.of(directory.create(new NewAccount("pages-" + UUID.randomUUID() + "@example.org", "Farmer",
        EnumSet.of(Role.MEMBER), null, null))).authentication();
  }

  private Document page(UsernamePasswordAuthenticationToken who, String uri) {
    MvcTestResult result = mvc.get().uri(uri).with(authentication(who)).exchange();
    assertThat(result).hasStatusOk();
    try {
      return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private String upload(UsernamePasswordAuthenticationToken who, byte[] photo) {
    MvcTestResult result = mvc.post().uri("/diagnosis").multipart()
        .file(new MockMultipartFile("photo", "leaf.jpg", "image/jpeg", photo)).with(csrf()).with(authentication(who))
        .exchange();
    assertThat(result).hasStatus(HttpStatus.FOUND);
    return result.getResponse().getRedirectedUrl();
  }

  @Test
  void theDisclaimerStandsAboveTheFormUntilConfirmedAndStaysLinked() {
    var who = farmer();
    Document first = page(who, "/diagnosis");
    assertThat(first.getElementById("disclaimer")).isNotNull();
    assertThat(first.select("input#photo[type=file][accept=image/*][capture=environment]")).hasSize(1);
    assertThat(first.select("link[rel=manifest]").attr("href")).isEqualTo("/diagnosis/manifest.webmanifest");
    assertThat(first.select("details li")).hasSize(6).first().extracting(e -> e.text()).asString()
        .isNotBlank().doesNotContain("diagnosis.retake");
    assertThat(first.getElementById("diagnose-form").attr("data-account"))   // offline photos are queued under it
        .isEqualTo(((SignedInUser) who.getPrincipal()).id().value().toString());

    assertThat(mvc.post().uri("/diagnosis/disclaimer").with(csrf()).with(authentication(who)))
        .hasRedirectedUrl("/diagnosis");
    Document later = page(who, "/diagnosis");
    assertThat(later.getElementById("disclaimer")).isNull();
    assertThat(later.getElementById("disclaimer-link").attr("href")).isEqualTo("/diagnosis/disclaimer");
    assertThat(page(who, "/diagnosis/disclaimer").getElementById("disclaimer-text").text())
        .contains("not a diagnosis by an expert");
  }

  @Test
  void aDoubleClickOnConfirmIsOneConfirmation() throws Exception {
    var who = farmer();
    var start = new java.util.concurrent.CountDownLatch(1);
    try (var clicks = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<MvcTestResult>>();
      for (int i = 0; i < 4; i++) {
        answers.add(clicks.submit(() -> {
          start.await();
          return mvc.post().uri("/diagnosis/disclaimer").with(csrf()).with(authentication(who)).exchange();
        }));
      }
      start.countDown();
      for (var answer : answers) {
        assertThat(answer.get()).hasRedirectedUrl("/diagnosis");
      }
    }
    assertThat(page(who, "/diagnosis").getElementById("disclaimer")).isNull();
  }

  @Test
  void aLeafShowsTopFiveAndAdviceAndFeedbackIsKept() {
    var who = farmer();
    String result = upload(who, LeafPictures.spottedLeaf(256, 256));
    assertThat(result).startsWith("/diagnosis/results/");
    Document page = page(who, result);
    assertThat(page.select("#top-five li")).hasSize(5);
    assertThat(page.getElementById("diagnosis-name").text()).isEqualTo("Cedar apple rust");
    assertThat(page.getElementById("advice").text()).contains("What it is", "What to look for",
        "Organic and cultural treatment", "Chemical treatment", "Prevention");
    assertThat(page.getElementById("retake")).isNull();
    assertThat(page.select("#feedback-label option")).hasSize(17);   // "choose" and the model's 16 classes
    assertThat(page.select("img.diagnosis-photo").attr("src")).isEqualTo(result + "/picture");
    for (String picture : new String[] {result + "/picture", result + "/thumbnail"}) {
      // deleted or signed out, a picture must not stay viewable from the browser's cache
      assertThat(mvc.get().uri(picture).with(authentication(who))).hasStatusOk()
          .hasHeader("Cache-Control", "no-store");
    }

    assertThat(mvc.post().uri(result + "/feedback").param("label", "apple_apple_scab").with(csrf())
        .with(authentication(who))).hasRedirectedUrl(result);
    assertThat(page(who, result).getElementById("feedback-given").text()).contains("Apple scab");
  }

  @Test
  void aPictureWithoutALeafAsksForARetakeWithTips() {
    var who = farmer();
    Document page = page(who, upload(who, LeafPictures.grey(300, 300)));
    assertThat(page.getElementById("retake").text()).contains("please take the photo again");
    assertThat(page.select("#retake li")).hasSize(6);
    assertThat(page.getElementById("advice")).isNull();
    assertThat(page.getElementById("diagnosis-name")).isNull();
  }

  @Test
  void theHistoryIsPaginatedAndCanBeEmptied() {
    var who = farmer();
    var account = ((SignedInUser) who.getPrincipal()).id();
    for (int i = 0; i < 12; i++) {
      diagnoses.diagnose(account, LeafPictures.spottedLeaf(128, 128));
    }
    Document first = page(who, "/diagnosis/history");
    assertThat(first.select("#history li")).hasSize(10);
    assertThat(first.select("#history li img").attr("src")).endsWith("/thumbnail");
    assertThat(page(who, "/diagnosis/history?page=1").select("#history li")).hasSize(2);

    assertThat(mvc.post().uri("/diagnosis/history/delete-all").with(csrf()).with(authentication(who)))
        .hasRedirectedUrl("/diagnosis/history").flash().containsEntry("deleted", 12);
    assertThat(page(who, "/diagnosis/history").getElementById("history-empty")).isNotNull();
  }

  @Test
  void theWebAppIsInstallableAndItsWorkerMayControlTheDiagnosisPages() {
    assertThat(mvc.get().uri("/diagnosis/manifest.webmanifest")).hasStatusOk()
        .bodyText().contains("\"start_url\": \"/diagnosis\"");
    assertThat(mvc.get().uri("/diagnosis/icon-192.png")).hasStatusOk();
    MvcTestResult worker = mvc.get().uri("/diagnosis/sw.js").with(authentication(farmer())).exchange();
    assertThat(worker).hasStatusOk().hasHeader("Service-Worker-Allowed", "/diagnosis");
    assertThat(worker.getResponse().getContentType()).startsWith("text/javascript");
  }

  @Test
  void anUploadWithoutAPhotoGetsTheFriendlyPage() {
    assertThat(mvc.post().uri("/diagnosis").multipart().file(new MockMultipartFile("photo", new byte[0]))
        .with(csrf()).with(authentication(farmer()))).hasStatus(HttpStatus.BAD_REQUEST);
  }
}
