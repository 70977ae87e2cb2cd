package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The friendly error page, rendered through the real servlet error dispatch, in the visitor's language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ErrorPageIntegrationTests {

  @Autowired
  TestRestTemplate http;

  @Test
  void missingStaticAssetShowsTheNotFoundPageInTheChosenLanguage() {
    var headers = new HttpHeaders();
    headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "es");
    var response = http.exchange("/css/missing.css", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).contains("Página no encontrada").contains("Estado 404")
        .doesNotContain("Whitelabel");
    assertThat(response.getBody()).as("the page's title says what happened")
        .contains("<title>Página no encontrada</title>");
  }

  @Test
  void anUnexpectedFailureIsTitledAsSuchAndTheFaviconIsServed() {
    var headers = new HttpHeaders();
    headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    var response = http.exchange("/error", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getBody()).contains("<title>Something went wrong on our side</title>");
    var favicon = http.getForEntity("/favicon.ico", byte[].class);
    assertThat(favicon.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(favicon.getHeaders().getContentType()).isNotNull();
  }
}
