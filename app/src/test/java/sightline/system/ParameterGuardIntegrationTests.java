package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Text no database can store never reaches one: a NUL in a form field, a query or a JSON string is a 400 (on
 * PostgreSQL each was a 500 when the sign-in attempt was recorded).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ParameterGuardIntegrationTests {

  @Autowired MockMvcTester mvc;

  @Test
  void aNulInAFormFieldOrAQueryIsABadRequest() {
    assertThat(mvc.post().uri("/sign-in").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("email", "someone\u0000@example.org").param("password", "a long enough password").exchange())
        .hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(mvc.get().uri("/problems/rate-limited").param("x", "\u0000").exchange())
        .hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(mvc.get().uri("/problems/rate-limited").param("x", "ok").exchange()).hasStatusOk();
  }

  @Test
  void aNulInAJsonStringIsABadRequestProblem() {
    var answer = mvc.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .content("{\"email\":\"someone\\u0000@example.org\",\"password\":\"a long enough password\"}").exchange();
    assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(answer.getResponse().getContentType()).contains("application/problem+json");
  }
}
