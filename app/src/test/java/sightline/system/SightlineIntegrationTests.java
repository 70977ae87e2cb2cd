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
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application on a real port, against the test database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SightlineIntegrationTests {

  @Autowired
  TestRestTemplate http;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void homePageNamesTheProductOffersSignInAndSwitchesLanguage() {
    String english = http.getForObject("/", String.class);
    assertThat(english).contains("<html lang=\"en\"").contains("Sightline").contains("href=\"/sign-in\"")
        .contains(">Sign in<").contains("?lang=hi");

    assertThat(http.getForObject("/?lang=hi", String.class)).contains("<html lang=\"hi\"").contains("साइन इन करें");
    assertThat(http.getForObject("/?lang=es", String.class)).contains("<html lang=\"es\"").contains("Iniciar sesión");
  }

  @Test
  void browserLanguageChoosesAmongTheBundledOnesElseEnglish() {
    assertThat(get("/", "es-MX,es;q=0.9").getBody()).contains("<html lang=\"es\"");
    assertThat(get("/", "fr-FR,fr;q=0.9").getBody()).contains("<html lang=\"en\"");
    assertThat(http.getForObject("/?lang=fr", String.class)).contains("<html lang=\"en\"");
  }

  @Test
  void everyProblemTypeTheCodeUsesHasAPageAndUnknownOnesDoNot() throws java.io.IOException {
    var slugs = new java.util.TreeSet<String>();
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
      // Text files only: pictures and fonts are no source of problem types.
      for (var file : files.filter(java.nio.file.Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(java|html|js|properties|sql|css)$")).toList()) {
        var matcher = java.util.regex.Pattern.compile("/problems/([a-z0-9-]+)")
            // Latin-1 reads any bytes: src/main also holds icons and fonts, and the slugs are ASCII.
            .matcher(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
          slugs.add(matcher.group(1));
        }
      }
    }
    assertThat(slugs).contains("rate-limited", "image-rejected", "access-token-rejected");
    for (String slug : slugs) {
      var page = http.getForEntity("/problems/" + slug, String.class);
      assertThat(page.getStatusCode()).as(slug).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).as(slug).contains("id=\"problem-title\"").contains("/problems/" + slug);
    }
    assertThat(get("/problems/rate-limited", "es").getBody()).contains("Demasiadas solicitudes");
    assertThat(http.getForEntity("/problems/no-such-problem", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void healthIsUpWithDatabaseAndModels() {
    var health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}")
        .contains("\"models\":{\"status\":\"UP\"}");
  }

  @Test
  void apiDescriptionAndModelListArePublic() {
    assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(http.getForObject("/v3/api-docs", String.class)).contains("Sightline API").contains("/api/v1/models");
    assertThat(http.getForObject("/api/v1/models", String.class))
        .contains("\"name\":\"fr_detect\"").contains("\"npmPackage\":\"faceplugin-face-recognition-js@0.0.1\"")
        .contains("\"intact\":true").doesNotContain("\"intact\":false");
  }

  @Test
  void protectedApiAnswersWithAProblemDocument() {
    var response = http.exchange("/api/v1/anything", HttpMethod.GET, HttpEntity.EMPTY, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("\"status\":401").contains("\"instance\":\"/api/v1/anything\"");
  }

  @Test
  void runsOnTheDatabaseTheEnvironmentNames() throws Exception {
    String product;
    try (var connection = jdbc.getDataSource().getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    }
    String configured = System.getenv("SIGHTLINE_TEST_DB_URL");
    assertThat(product).isEqualTo(configured != null && configured.startsWith("jdbc:postgresql:")
        ? "PostgreSQL" : "H2");
  }

  @Test
  void flywayCreatedTheEventRegistryTable() {
    Integer migrations = jdbc.queryForObject(
        "select count(*) from \"flyway_schema_history\" where \"success\" = true", Integer.class);
    assertThat(migrations).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from event_publication where id is null", Integer.class))
        .isZero();
  }

  private org.springframework.http.ResponseEntity<String> get(String path, String acceptLanguage) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
