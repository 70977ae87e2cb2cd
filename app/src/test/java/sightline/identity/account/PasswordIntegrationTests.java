package sightline.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.PasswordRejected;
import sightline.identity.Role;

/** The password policy and changing one's own password, through the real pages and sessions. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordIntegrationTests {

  private static final String PASSWORD = "first long enough password";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  private AccountView newAccount() {
    return directory.create(new NewAccount("pw-" + UUID.randomUUID() + "@example.org", "Pat", EnumSet.of(Role.STUDENT),
        null, PASSWORD));
  }

  private MockHttpSession signIn(String email, String password) {
    var result = mvc.post().uri("/sign-in").with(csrf()).param("email", email).param("password", password).exchange();
    assertThat(result).hasRedirectedUrl("/");
    return (MockHttpSession) result.getRequest().getSession(false);
  }

  @Test
  void refusesShortAndCommonPasswords() {
    String email = "policy-" + UUID.randomUUID() + "@example.org";
    assertThatThrownBy(() -> directory.create(new NewAccount(email, "P", EnumSet.of(Role.STUDENT), null, "short")))
        .isInstanceOfSatisfying(PasswordRejected.class,
            e -> assertThat(e.reason()).isEqualTo(PasswordRejected.Reason.TOO_SHORT));
    // On the SecLists common-password list, in another case.
    assertThatThrownBy(() -> directory.create(new NewAccount(email, "P", EnumSet.of(Role.STUDENT), null,
        "1QAZ2WSX3EDC"))).isInstanceOfSatisfying(PasswordRejected.class,
            e -> assertThat(e.reason()).isEqualTo(PasswordRejected.Reason.COMMON));
    assertThat(directory.search(email, 0, 1).getContent()).isEmpty();
  }

  @Test
  void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
    AccountView account = newAccount();
    MockHttpSession here = signIn(account.email(), PASSWORD);
    MockHttpSession elsewhere = signIn(account.email(), PASSWORD);

    assertThat(mvc.post().uri("/account/password").session(here).with(csrf())
        .param("currentPassword", "not my password").param("newPassword", "second long enough password"))
        .hasStatusOk().bodyText().contains("This is not your current password.");

    assertThat(mvc.post().uri("/account/password").session(here).with(csrf())
        .param("currentPassword", PASSWORD).param("newPassword", "second long enough password"))
        .hasRedirectedUrl("/account/password");

    assertThat(mvc.get().uri("/account/sign-ins").session(here)).hasStatusOk();
    assertThat(mvc.get().uri("/account/sign-ins").session(elsewhere)).hasRedirectedUrl("/sign-in?expired");

    signIn(account.email(), "second long enough password");
    assertThat(mvc.post().uri("/sign-in").with(csrf()).param("email", account.email()).param("password", PASSWORD))
        .hasRedirectedUrl("/sign-in?error");
  }
}
