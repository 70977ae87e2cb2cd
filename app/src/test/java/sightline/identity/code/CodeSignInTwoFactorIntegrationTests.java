package sightline.identity.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.DeliveryTestServers;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.WithDeliveryServers;
import sightline.identity.history.SignInHistory;
import sightline.identity.signin.PendingSignIn;
import sightline.identity.totp.AuthenticatorApp;
import sightline.identity.totp.TwoFactor;

/**
 * A one-time code is only the first factor for an account with TOTP: the browser goes on to the second-factor page,
 * and the code API answers that a second factor is needed. Codes come from the real SMTP server (GreenMail).
 */
class CodeSignInTwoFactorIntegrationTests extends WithDeliveryServers {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  @Autowired
  TwoFactor twoFactor;

  @Autowired
  Clock clock;

  /** An account with TOTP enabled through the module's own set-up; returns its secret. */
  private byte[] enableTotp(AccountView account, long step) throws GeneralSecurityException {
    String secret = twoFactor.setUp(account.id(), account.email(), null).secret();
    byte[] key = AuthenticatorApp.key(secret);
    assertThat(twoFactor.enable(account.id(), AuthenticatorApp.code(key, step))).isPresent();
    return key;
  }

  private String mailedCode(String recipient, MockHttpSession session) {
    assertThat(mvc.post().uri("/sign-in/code").session(session).with(csrf()).param("recipient", recipient))
        .hasRedirectedUrl("/sign-in/code/verify");
    return DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(recipient));
  }

  @Test
  void aCodeLeadsToTheSecondFactorPageAndTheApiAsksForIt() throws Exception {
    AccountView account = directory.create(new NewAccount("code-totp-" + UUID.randomUUID() + "@example.org",
        "Code Totp", EnumSet.of(Role.TEACHER), null, "a password nobody types here"));
    long step = clock.instant().getEpochSecond() / 30;
    byte[] key = enableTotp(account, step);

    var session = new MockHttpSession();
    String code = mailedCode(account.email(), session);
    assertThat(mvc.post().uri("/sign-in/code/verify").session(session).with(csrf())
        .param("recipient", account.email()).param("code", code)).hasRedirectedUrl("/sign-in/two-factor");
    assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    assertThat(mvc.post().uri("/sign-in/two-factor").session(session).with(csrf())
        .param("code", AuthenticatorApp.code(key, step + 1)))
        .hasRedirectedUrl("/");
    assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNotNull();

    assertThat(mvc.post().uri("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
        .content("{\"recipient\":\"" + account.email() + "\"}")).hasStatus(HttpStatus.ACCEPTED);
    String apiCode = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailsTo(account.email(), 2).get(1));
    var api = mvc.post().uri("/api/v1/auth/codes/verify").contentType(MediaType.APPLICATION_JSON)
        .content("{\"recipient\":\"" + account.email() + "\",\"code\":\"" + apiCode + "\"}").exchange();
    assertThat(api).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.type")
        .isEqualTo("/problems/second-factor-required");

    assertThat(history.of(account.id(), 0, 10).getContent())
        .extracting(record -> record.method() + " " + record.outcome())
        .containsExactly("CODE SECOND_FACTOR_REQUIRED", "TOTP SUCCESS", "CODE SECOND_FACTOR_REQUIRED");
  }

  @Test
  void thePendingSignInExpiresAfterFiveMinutes() throws Exception {
    String password = "a password for the expiry test";
    AccountView account = directory.create(new NewAccount("expiry-" + UUID.randomUUID() + "@example.org",
        "Expiry Totp", EnumSet.of(Role.STUDENT), null, password));
    long step = clock.instant().getEpochSecond() / 30;
    byte[] key = enableTotp(account, step);
    var session = new MockHttpSession();
    assertThat(mvc.post().uri("/sign-in").session(session).with(csrf()).param("email", account.email())
        .param("password", password)).hasRedirectedUrl("/sign-in/two-factor");
    var pending = (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_KEY);
    assertThat(java.time.Duration.between(clock.instant(), pending.expiresAt()))
        .isBetween(java.time.Duration.ofMinutes(4), java.time.Duration.ofMinutes(5));
    // Five minutes later, as far as this pending state knows.
    session.setAttribute(PendingSignIn.SESSION_KEY, new PendingSignIn(pending.account(), pending.identifier(),
        pending.email(), pending.need(), pending.firstFactor(), clock.instant().minusSeconds(1)));

    assertThat(mvc.get().uri("/sign-in/two-factor").session(session)).hasStatusOk().bodyText()
        .contains("id=\"totp-expired\"");
    assertThat(mvc.post().uri("/sign-in/two-factor").session(session).with(csrf())
        .param("code", AuthenticatorApp.code(key, step + 1)))
        .hasStatusOk().bodyText().contains("id=\"totp-expired\"");
    assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    assertThat(session.getAttribute(PendingSignIn.SESSION_KEY)).as("an expired state is dropped").isNull();
  }
}
