package sightline.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.DeliveryTestServers;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.WithDeliveryServers;
import sightline.identity.history.SignInHistory;

/** Password reset through the real pages, API, database and SMTP server (GreenMail). */
class PasswordResetIntegrationTests extends WithDeliveryServers {

  private static final String OLD_PASSWORD = "the password I forgot";
  private static final String NEW_PASSWORD = "a brand new long password";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  @Autowired
  JdbcTemplate jdbc;

  private AccountView newAccount() {
    return directory.create(new NewAccount("reset-" + UUID.randomUUID() + "@example.org", "Reset Person",
        EnumSet.of(Role.TEACHER), null, OLD_PASSWORD));
  }

  private MvcTestResult requestLink(String email) {
    return mvc.post().uri("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
        .content("{\"email\":\"" + email + "\"}").exchange();
  }

  private MvcTestResult confirm(String token, String password) {
    return mvc.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
        .content("{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}").exchange();
  }

  private MvcTestResult signIn(String email, String password) {
    return mvc.post().uri("/sign-in").with(csrf()).param("email", email).param("password", password).exchange();
  }

  @Test
  void resetsThePasswordThroughTheLinkInTheMailOnce() {
    AccountView account = newAccount();
    assertThat(mvc.post().uri("/password-reset").with(csrf()).param("email", account.email()))
        .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/password-reset");
    String mail = DeliveryTestServers.awaitMailTo(account.email());
    assertThat(mail).contains("30 minutes");
    String token = DeliveryTestServers.resetTokenIn(mail);

    assertThat(mvc.get().uri("/password-reset/new").param("token", token)).hasStatusOk()
        .bodyText().contains("id=\"reset-form\"");
    assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
        .param("password", NEW_PASSWORD)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/sign-in");

    assertThat(signIn(account.email(), NEW_PASSWORD)).hasRedirectedUrl("/");
    assertThat(signIn(account.email(), OLD_PASSWORD)).hasRedirectedUrl("/sign-in?error");

    assertThat(mvc.get().uri("/password-reset/new").param("token", token)).hasStatusOk()
        .bodyText().contains("id=\"reset-link-invalid\"").doesNotContain("id=\"reset-form\"");
    assertThat(confirm(token, "yet another long password")).hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/reset-link-invalid");
    assertThat(signIn(account.email(), NEW_PASSWORD)).hasRedirectedUrl("/");
  }

  @Test
  void keepsOnlyAHashOfTheTokenAndNothingOfThePassword() {
    AccountView account = newAccount();
    requestLink(account.email());
    String token = DeliveryTestServers.resetTokenIn(DeliveryTestServers.awaitMailTo(account.email()));
    assertThat(confirm(token, NEW_PASSWORD)).hasStatus(HttpStatus.NO_CONTENT);

    var rows = jdbc.queryForList("select * from identity.password_reset where account_id = ?",
        account.id().value());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.get("token_hash")).isEqualTo(PasswordResetToken.hash(token));
      assertThat(row.get("used_at")).isNotNull();
      assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(token));
    });
    assertThat(jdbc.queryForObject("select password_hash from identity.account where id = ?", String.class,
        account.id().value())).startsWith("{argon2}").doesNotContain(NEW_PASSWORD);
    assertThat(history.of(account.id(), 0, 10).getContent()).isEmpty();
  }

  @Test
  void theNewPasswordMustFollowThePolicyAndTheLinkSurvivesARejectedOne() {
    AccountView account = newAccount();
    requestLink(account.email());
    String token = DeliveryTestServers.resetTokenIn(DeliveryTestServers.awaitMailTo(account.email()));

    assertThat(confirm(token, "short")).hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/password-rejected");
    var page = mvc.post().uri("/password-reset/new").with(csrf()).param("token", token).param("password", "short")
        .exchange();
    assertThat(page).hasStatusOk().bodyText().contains("Use at least 12 characters.");

    assertThat(confirm(token, NEW_PASSWORD)).hasStatus(HttpStatus.NO_CONTENT);
  }

  @Test
  void knownAndUnknownAddressesGetTheSameAnswer() {
    AccountView account = newAccount();
    String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
    var known = requestLink(account.email());
    var none = requestLink(unknown);
    assertThat(none.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus()).isEqualTo(202);
    assertThat(none.getResponse().getContentAsByteArray()).isEqualTo(known.getResponse().getContentAsByteArray());

    var knownPage = mvc.post().uri("/password-reset").with(csrf()).param("email", account.email()).exchange();
    var nonePage = mvc.post().uri("/password-reset").with(csrf()).param("email", unknown).exchange();
    assertThat(nonePage.getResponse().getStatus()).isEqualTo(knownPage.getResponse().getStatus());
    assertThat(nonePage.getResponse().getRedirectedUrl()).isEqualTo(knownPage.getResponse().getRedirectedUrl());
    assertThat(Map.copyOf(nonePage.getMvcResult().getFlashMap()))
        .isEqualTo(Map.copyOf(knownPage.getMvcResult().getFlashMap()));

    DeliveryTestServers.awaitMailsTo(account.email(), 2);
    assertThat(DeliveryTestServers.mailsTo(unknown)).isEmpty();
  }

  @Test
  void aNewLinkDoesNotCancelTheOldOneButUsingOneSpendsBoth() {
    AccountView account = newAccount();
    requestLink(account.email());
    requestLink(account.email());
    var mails = DeliveryTestServers.awaitMailsTo(account.email(), 2);
    String first = DeliveryTestServers.resetTokenIn(mails.get(0));
    String second = DeliveryTestServers.resetTokenIn(mails.get(1));
    assertThat(confirm(second, NEW_PASSWORD)).hasStatus(HttpStatus.NO_CONTENT);
    assertThat(confirm(first, "yet another long password")).hasStatus(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theFourthRequestForOneAddressInTenMinutesGets429() {
    String email = "flood-reset-" + UUID.randomUUID() + "@example.org";
    for (int i = 0; i < 3; i++) {
      assertThat(requestLink(email)).hasStatus(HttpStatus.ACCEPTED);
    }
    var limited = requestLink(email);
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getResponse().getHeader("Retry-After")).isNotNull();
  }
}
