package sightline.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.history.SignInHistory;

/** Self-registration with administrator approval (the setting is off by default; see the matrix test). */
@SpringBootTest(properties = "sightline.identity.self-registration=approval")
@AutoConfigureMockMvc
class SignUpIntegrationTests {

  private static final String PASSWORD = "my own long password";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  private MvcTestResult signUp(String email, String address) {
    return mvc.post().uri("/sign-up").with(csrf()).with(request -> {
      request.setRemoteAddr(address);
      return request;
    }).param("email", email).param("displayName", "New Student").param("password", PASSWORD).exchange();
  }

  @Test
  void aNewStudentWaitsForApprovalThenSignsIn() {
    String email = "signup-" + UUID.randomUUID() + "@example.org";
    assertThat(signUp(email, "10.1.0.1")).hasRedirectedUrl("/sign-in").flash()
        .containsEntry("notice", "signUp.awaiting");
    AccountView created = directory.search(email, 0, 1).getContent().getFirst();
    assertThat(created.roles()).containsExactly(Role.STUDENT);
    assertThat(created.awaitingApproval()).isTrue();

    assertThat(mvc.post().uri("/sign-in").with(csrf()).param("email", email).param("password", PASSWORD))
        .hasRedirectedUrl("/sign-in?error");
    assertThat(history.of(created.id(), 0, 1).getContent().getFirst().outcome())
        .isEqualTo(SignInOutcome.NOT_APPROVED);

    AccountView admin = directory.create(new NewAccount("approver-" + UUID.randomUUID() + "@example.org", "Approver",
        EnumSet.of(Role.ADMIN), null, "a long administrator password"));
    var adminAuth = SignedInUser.of(admin).authentication();
    mvc.post().uri("/admin/accounts/" + created.id() + "/approve").with(csrf()).with(authentication(adminAuth))
        .exchange();
    assertThat(mvc.post().uri("/sign-in").with(csrf()).param("email", email).param("password", PASSWORD))
        .hasRedirectedUrl("/");
  }

  @Test
  void theTwentyFirstRegistrationInAnHourFromOneAddressGets429() {
    String address = "10.2." + (int) (Math.random() * 250) + ".7";
    for (int i = 0; i < 20; i++) {
      assertThat(signUp("flood-" + UUID.randomUUID() + "@example.org", address)).hasStatus(HttpStatus.FOUND);
    }
    var limited = signUp("flood-" + UUID.randomUUID() + "@example.org", address);
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
  }

  @Test
  void aTakenEmailIsShownOnTheFormInAnyCase() {
    String email = "taken-" + UUID.randomUUID() + "@example.org";
    signUp(email, "10.3.0.1");
    assertThat(signUp(email.toUpperCase(), "10.3.0.1")).hasStatusOk().bodyText()
        .contains("Another account already uses this e-mail address.");
  }
}
