package sightline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * Forms answer bad input in the page's language, never with the validator's English defaults, and their inputs
 * carry the server's length limits as {@code maxlength}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormValidationIntegrationTests {

  private static final Pattern CONSTRAINT = Pattern.compile("import jakarta\\.validation\\.constraints\\.(\\w+);");

  @Autowired
  MockMvcTester mvc;
  @Autowired
  AccountDirectory directory;

  @Test
  void everyConstraintTheFormsUseHasAMessageInEveryLanguage() throws IOException {
    Set<String> constraints = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        CONSTRAINT.matcher(Files.readString(source)).results().forEach(m -> constraints.add(m.group(1)));
      }
    }
    assertThat(constraints).contains("NotBlank", "Size");
    for (String language : new String[] { "", "_hi", "_es" }) {
      var messages = new Properties();
      try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages/system" + language + ".properties"))) {
        messages.load(in);
      }
      assertThat(messages.stringPropertyNames()).as("system%s.properties", language).containsAll(constraints);
    }
  }

  @Test
  void aTooLongNameIsRefusedInSpanishAndAMissingOneInHindi() {
    AccountView admin = person(Role.ADMIN);
    AccountView student = person(Role.STUDENT);
    Document spanish = post(admin, "es", "/admin/accounts/" + student.id().value(), "displayName", "x".repeat(121),
        "roles", "STUDENT");
    assertThat(spanish.select(".invalid-feedback").text()).isEqualTo("Use como máximo 120 caracteres.");
    Document hindi = post(admin, "hi", "/admin/accounts/" + student.id().value(), "displayName", " ", "roles",
        "STUDENT");
    assertThat(hindi.select(".invalid-feedback").text()).isEqualTo("कृपया इसे भरें।");
    assertThat(hindi.getElementById("displayName").attr("maxlength")).isEqualTo("120");
    assertThat(hindi.getElementById("department").attr("maxlength")).isEqualTo("120");
  }

  @Test
  void theCreateAccountFormCarriesEveryLimit() throws UnsupportedEncodingException {
    AccountView admin = person(Role.ADMIN);
    MvcTestResult result = mvc.get().uri("/admin/accounts").with(authentication(SignedInUser.of(admin)
        .authentication())).exchange();
    Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(page.select("#create-account input#email").attr("maxlength")).isEqualTo("254");
    assertThat(page.select("#create-account input#displayName").attr("maxlength")).isEqualTo("120");
    assertThat(page.select("#create-account input#password").attr("maxlength")).isEqualTo("200");
  }

  private Document post(AccountView caller, String language, String uri, String... params) {
    var request = mvc.post().uri(uri).with(csrf()).with(authentication(SignedInUser.of(caller).authentication()))
        .header(HttpHeaders.ACCEPT_LANGUAGE, language);
    for (int i = 0; i < params.length; i += 2) {
      request = request.param(params[i], params[i + 1]);
    }
    try {
      return Jsoup.parse(request.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private AccountView person(Role role) {
    return directory.create(new NewAccount("forms-" + UUID.randomUUID() + "@example.org", "Form " + role,
        EnumSet.of(role), null, "a long form password"));
  }
}
