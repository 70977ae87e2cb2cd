package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors as callers see them: problem documents under {@code /api/**}, the friendly page elsewhere. A tiny
 * controller defined here fails on purpose.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ErrorHandlingTests.FailingController.class)
@WithMockUser
class ErrorHandlingTests {

  @Autowired
  MockMvcTester mvc;

  @Test
  void unknownApiPathIsA404Problem() {
    assertThat(mvc.get().uri("/api/v1/no-such-thing").accept(MediaType.APPLICATION_JSON))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson().extractingPath("$.status").isEqualTo(404);
  }

  @Test
  void unexpectedApiFailureIsA500ProblemWithAnIncidentIdAndNoInternals() {
    var result = mvc.get().uri("/api/test/boom").accept(MediaType.APPLICATION_JSON).exchange();
    assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.incident").asString().hasSize(36);
    assertThat(result).bodyText().contains("Quote incident").doesNotContain("secret-internal-detail");
  }

  @Test
  void wrongMethodOnTheApiIsA405Problem() {
    assertThat(mvc.post().uri("/api/test/boom").with(
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void pageFailuresKeepTheirStatusForTheErrorView() {
    var result = mvc.get().uri("/test/boom").accept(MediaType.TEXT_HTML).exchange();
    // MockMvc does not follow the servlet error dispatch; the real rendering is checked over HTTP below.
    assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(result.getResponse().getContentType()).isNull();
  }

  @Test
  void aRefusedPictureIsAProblemWithTheReasonInTheCallersLanguage() {
    var result = mvc.get().uri("/api/test/picture").header("Accept-Language", "es").accept(MediaType.APPLICATION_JSON)
        .exchange();
    assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.reason").isEqualTo("NOT_AN_IMAGE");
    assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("Este archivo no es una imagen");
  }

  @RestController
  static class FailingController {

    @GetMapping("/api/test/picture")
    String decodeNonsense() {
      sightline.vision.ImageDecoder.withDefaults().decode("not a picture".getBytes(StandardCharsets.UTF_8));
      return "unreachable";
    }

    @GetMapping({"/api/test/boom", "/test/boom"})
    String boom() {
      throw new IllegalStateException("secret-internal-detail");
    }
  }
}
