package sightline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The identity module booted on its own, with only the shared system module: no biometrics, no face models. It is
 * driven as another module or a client would drive it, through its API ({@link AccountDirectory}) and its HTTP
 * endpoints, and the test waits for the event it announces to other modules. E-mail goes to the in-JVM SMTP server.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class IdentityModuleTests {

  private static final String PASSWORD = "a long first password";

  @DynamicPropertySource
  static void deliveryServers(DynamicPropertyRegistry registry) {
    DeliveryTestServers.register(registry);
  }

  @Autowired
  AccountDirectory directory;

  @Autowired
  MockMvcTester mvc;

  @Test
  void aCompletedPasswordResetIsAnnouncedAndEndsTheAccountsApiTokens(Scenario scenario) throws Exception {
    String email = "module-reset-" + UUID.randomUUID() + "@example.org";
    AccountView account = directory.create(new NewAccount(email, "Module Person", Set.of(Role.STUDENT), null,
        PASSWORD));
    MvcTestResult login = post("/api/v1/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email,
        PASSWORD));
    assertThat(login).hasStatusOk();
    String refreshToken = JsonPath.read(login.getResponse().getContentAsString(StandardCharsets.UTF_8),
        "$.refreshToken");
    assertThat(post("/api/v1/auth/password-reset", "{\"email\":\"%s\"}".formatted(email))).hasStatus(202);
    String token = DeliveryTestServers.resetTokenIn(DeliveryTestServers.awaitMailTo(email));

    // Outside a test transaction, as a request runs: the reset commits in its own.
    scenario.stimulate(tx -> post("/api/v1/auth/password-reset/confirm",
            "{\"token\":\"%s\",\"password\":\"an entirely new password\"}".formatted(token)))
        .andWaitForEventOfType(PasswordResetCompleted.class)
        .matching(event -> event.account().equals(account.id()))
        .toArriveAndVerify((event, confirmed) -> {
          assertThat(confirmed).hasStatus(204);
          assertThat(post("/api/v1/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(refreshToken)))
              .hasStatus(401);
          assertThat(post("/api/v1/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email,
              PASSWORD))).hasStatus(401);
        });
  }

  private MvcTestResult post(String uri, String json) {
    return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
  }
}
