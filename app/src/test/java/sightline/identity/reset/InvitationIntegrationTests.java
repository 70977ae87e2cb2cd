package sightline.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.DeliveryTestServers;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.identity.WithDeliveryServers;

/**
 * Accounts an administrator made, one by one or from a roster, get a sign-in invitation by e-mail (GreenMail) with
 * a single-use link to choose a password; the roster's result page lists who was invited.
 */
class InvitationIntegrationTests extends WithDeliveryServers {

  private static final String PASSWORD = "my own chosen long password";

  @Autowired
  MockMvcTester mvc;
  @Autowired
  AccountDirectory directory;

  private SignedInUser newAdmin() {
    return SignedInUser.of(directory.create(new NewAccount("invite-admin-" + UUID.randomUUID() + "@example.org",
        "Invite Admin", EnumSet.of(Role.ADMIN), null, "a long administrator password")));
  }

  private MvcTestResult signIn(String email, String password) {
    return mvc.post().uri("/sign-in").with(csrf()).param("email", email).param("password", password).exchange();
  }

  private void choosePasswordFrom(String mail) {
    String token = DeliveryTestServers.resetTokenIn(mail);
    assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token).param("password", PASSWORD))
        .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/sign-in");
    assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
        .param("password", "a second long password")).bodyText().contains("id=\"reset-link-invalid\"");
  }

  @Test
  void anAccountMadeWithoutAPasswordIsInvitedAndChoosesOneThroughTheLinkOnce() {
    SignedInUser admin = newAdmin();
    String email = "invited-" + UUID.randomUUID() + "@example.org";
    AccountView person = directory.create(new NewAccount(email, "Invited Person", EnumSet.of(Role.TEACHER), null,
        null), admin.id());
    assertThat(mvc.post().uri("/admin/accounts/" + person.id().value() + "/invite").with(csrf())
        .with(authentication(admin.authentication()))).hasStatus(HttpStatus.FOUND)
        .hasRedirectedUrl("/admin/accounts/" + person.id().value()).flash().containsEntry("notice", "accounts.invited");
    String mail = DeliveryTestServers.awaitMailTo(email);
    assertThat(mail).contains("An account on Sightline was made for you").contains("within 7 days");
    choosePasswordFrom(mail);
    assertThat(signIn(email, PASSWORD)).hasRedirectedUrl("/");
  }

  @Test
  void aRosterImportInvitesEveryoneAndItsResultListsThem() throws Exception {
    SignedInUser admin = newAdmin();
    var session = new MockHttpSession();
    String first = "roster-invited-" + UUID.randomUUID() + "@example.org";
    String second = "roster-invited-" + UUID.randomUUID() + "@example.org";
    var file = new MockMultipartFile("file", "roster.csv", "text/csv", ("email,name,roles,department\n" + first
        + ",First Pupil,STUDENT,\n" + second + ",Second Pupil,STUDENT,\n").getBytes(StandardCharsets.UTF_8));
    String preview = mvc.post().uri("/admin/accounts/import").multipart().file(file).session(session).with(csrf())
        .with(authentication(admin.authentication())).exchange().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    var importId = Pattern.compile("name=\"importId\" value=\"([^\"]+)\"").matcher(preview);
    assertThat(importId.find()).isTrue();
    assertThat(preview).contains("id=\"roster-invite\"");
    String location = mvc.post().uri("/admin/accounts/import/confirm").param("importId", importId.group(1))
        .param("invite", "true").session(session).with(csrf()).with(authentication(admin.authentication()))
        .exchange().getResponse().getRedirectedUrl();
    String result = "";
    for (int poll = 0; poll < 300 && !result.contains("id=\"roster-imported\""); poll++) {
      Thread.sleep(100);
      result = mvc.get().uri(location + "/progress").with(authentication(admin.authentication())).exchange()
          .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
    assertThat(result).contains("id=\"roster-invited\"").contains("Sign-in invitations sent (2):").contains(first)
        .contains(second);
    choosePasswordFrom(DeliveryTestServers.awaitMailTo(second));
    assertThat(signIn(second, PASSWORD)).hasRedirectedUrl("/");
    assertThat(DeliveryTestServers.awaitMailTo(first)).contains("/password-reset/new?token=");
  }
}
