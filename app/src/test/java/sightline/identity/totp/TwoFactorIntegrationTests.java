package sightline.identity.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.history.SignInHistory;
import sightline.identity.history.SignInRecord;

/**
 * The TOTP second factor through the real pages, filter chain, sign-in provider, API and database. Codes are computed
 * here from the secret the set-up page shows. Each test uses at most the codes of the current step and the next one,
 * in that order, so it passes wherever in a 30-second step it starts (the server accepts one step either way).
 */
@SpringBootTest // same context as AuthorizationMatrixTests
@AutoConfigureMockMvc
class TwoFactorIntegrationTests {

  private static final String PASSWORD = "correct horse battery staple";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  AccountAdministration administration;
  @Autowired
  SignInHistory history;

  @Autowired
  TwoFactor twoFactor;

  @Autowired
  Clock clock;

  @Autowired
  JdbcClient jdbc;

  /** What enabling left: the secret (as the page showed it), the step of the code used, the recovery codes. */
  record Enabled(AccountView account, byte[] secret, long step, List<String> recoveryCodes) {

    String code(long step) {
      return Totp.SIGHTLINE.code(secret, step);
    }
  }

  private AccountView newAccount(Role role) {
    return directory.create(new NewAccount("totp-" + UUID.randomUUID() + "@example.org", "Totp Person",
        EnumSet.of(role), null, PASSWORD));
  }

  private long currentStep() {
    return Totp.SIGHTLINE.stepAt(clock.instant().getEpochSecond());
  }

  private static UsernamePasswordAuthenticationToken as(AccountView account) {
    return SignedInUser.of(account).authentication();
  }

  private static Document html(MvcTestResult result) {
    try {
      return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] secretShownBy(Document page) {
    return Base32.decode(page.getElementById("totp-secret").text());
  }

  private static List<String> recoveryCodesShownBy(Document page) {
    return page.select("#recovery-codes li").stream().map(Element::text).toList();
  }

  /** Sets up and enables the second factor through the account page, with the code of the current step. */
  private Enabled enable(AccountView account) {
    var page = mvc.get().uri("/account/two-factor").with(authentication(as(account))).exchange();
    assertThat(page).hasStatusOk();
    byte[] secret = secretShownBy(html(page));
    long step = currentStep();
    var enabled = mvc.post().uri("/account/two-factor").with(authentication(as(account))).with(csrf())
        .param("code", Totp.SIGHTLINE.code(secret, step)).exchange();
    assertThat(enabled).hasStatusOk();
    return new Enabled(account, secret, step, recoveryCodesShownBy(html(enabled)));
  }

  private MvcTestResult passwordStep(String email, MockHttpSession session) {
    return mvc.post().uri("/sign-in").session(session).with(csrf()).param("email", email)
        .param("password", PASSWORD).exchange();
  }

  private MvcTestResult secondStep(String code, MockHttpSession session) {
    return mvc.post().uri("/sign-in/two-factor").session(session).with(csrf()).param("code", code).exchange();
  }

  private static boolean signedIn(MockHttpSession session) {
    return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
        instanceof SecurityContext context && context.getAuthentication() != null;
  }

  private List<SignInRecord> history(AccountView account) {
    return history.of(account.id(), 0, 50).getContent().reversed(); // oldest first
  }

  private MvcTestResult apiLogin(String email, String password, String extra) {
    return mvc.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"" + extra + "}").exchange();
  }

  @Test
  void setUpShowsAQrCodeAndTheSecretAndEnablesOnlyWithACurrentCode() {
    AccountView account = newAccount(Role.TEACHER);
    var browser = new MockHttpSession();
    var page = html(mvc.get().uri("/account/two-factor").session(browser).with(authentication(as(account))).exchange());
    assertThat(page.getElementById("totp-qr").attr("src")).startsWith("data:image/svg+xml;base64,");
    byte[] first = secretShownBy(page);
    assertThat(first).hasSize(20);
    var reloaded = html(mvc.get().uri("/account/two-factor").session(browser).with(authentication(as(account)))
        .exchange());
    assertThat(secretShownBy(reloaded)).as("the secret waits for confirmation in this browser").isEqualTo(first);

    // Someone else who knows the password opens set-up: a fresh secret replaces the waiting one, so they never hold
    // a copy of the secret the owner confirms, and the owner's stale page no longer confirms.
    var elsewhere = html(mvc.get().uri("/account/two-factor").session(new MockHttpSession())
        .with(authentication(as(account))).exchange());
    assertThat(secretShownBy(elsewhere)).isNotEqualTo(first);
    long step = currentStep();
    var stale = mvc.post().uri("/account/two-factor").session(browser).with(authentication(as(account))).with(csrf())
        .param("code", Totp.SIGHTLINE.code(first, step)).exchange();
    Document again = html(stale);
    assertThat(again.getElementById("totp-rejected")).isNotNull();
    byte[] secret = secretShownBy(again);
    assertThat(secret).as("the owner's browser gets its own fresh secret").isNotEqualTo(first)
        .isNotEqualTo(secretShownBy(elsewhere));

    String wrong = Totp.SIGHTLINE.code(secret, step - 5);
    var refused = mvc.post().uri("/account/two-factor").session(browser).with(authentication(as(account)))
        .with(csrf()).param("code", wrong).exchange();
    assertThat(html(refused).getElementById("totp-rejected")).isNotNull();
    assertThat(twoFactor.status(account.id()).enabled()).isFalse();

    var enabled = mvc.post().uri("/account/two-factor").session(browser).with(authentication(as(account)))
        .with(csrf()).param("code", Totp.SIGHTLINE.code(secret, step)).exchange();
    List<String> codes = recoveryCodesShownBy(html(enabled));
    assertThat(codes).hasSize(10).doesNotHaveDuplicates()
        .allSatisfy(code -> assertThat(code).matches("[0-9a-z]{4}(-[0-9a-z]{4}){3}"));
    assertThat(twoFactor.status(account.id())).isEqualTo(new TwoFactor.Status(true, 10));

    // At rest: the secret is AES-GCM ciphertext (12-byte nonce + 20 bytes + 16-byte tag), codes only as hashes.
    byte[] stored = jdbc.sql("select secret from identity.totp_credential where account_id = ?")
        .param(account.id().value()).query(byte[].class).single();
    assertThat(stored).hasSize(48);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(
        new String(secret, StandardCharsets.ISO_8859_1));
    List<String> hashes = jdbc.sql("select code_hash from identity.totp_recovery_code where account_id = ?")
        .param(account.id().value()).query(String.class).list();
    assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(codes);
  }

  @Test
  void theProvisioningUriNamesTheIssuerAndTheAccount() {
    assertThat(TwoFactor.otpauthUri("JBSWY3DPEHPK3PXP", "ada lovelace@example.org"))
        .isEqualTo("otpauth://totp/Sightline:ada%20lovelace%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Sightline"
            + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void aRightPasswordLeadsToTheCodePageAndOnlyTheCodeStartsTheSession() {
    Enabled enabled = enable(newAccount(Role.TEACHER));
    var session = new MockHttpSession();
    String before = session.getId();

    assertThat(passwordStep(enabled.account().email(), session)).hasStatus(HttpStatus.FOUND)
        .hasRedirectedUrl("/sign-in/two-factor");
    assertThat(signedIn(session)).as("not signed in after the password").isFalse();
    assertThat(session.getId()).as("new session id for the pending state").isNotEqualTo(before);
    assertThat(mvc.get().uri("/account/profile").session(session)).hasStatus(HttpStatus.FOUND);
    assertThat(mvc.get().uri("/sign-in/two-factor").session(session)).hasStatusOk()
        .bodyText().contains("authenticator app");

    assertThat(secondStep(enabled.code(enabled.step()), session)).as("the code used to enable: a replay")
        .hasStatusOk();
    assertThat(signedIn(session)).isFalse();
    String pendingId = session.getId();
    var done = secondStep(enabled.code(enabled.step() + 1), session);
    assertThat(done).hasStatus(HttpStatus.FOUND);
    assertThat(done.getResponse().getRedirectedUrl()).as("back to the page that asked for sign-in, as form login")
        .endsWith("/account/profile?continue");
    assertThat(signedIn(session)).isTrue();
    assertThat(session.getId()).as("session fixation protection at the second step").isNotEqualTo(pendingId);
    assertThat(mvc.get().uri("/account/profile").session(session)).hasStatusOk();

    assertThat(history(enabled.account())).extracting(SignInRecord::method, SignInRecord::outcome).containsExactly(
        tuple(SignInMethod.PASSWORD, SignInOutcome.SECOND_FACTOR_REQUIRED),
        tuple(SignInMethod.TOTP, SignInOutcome.BAD_CREDENTIALS),
        tuple(SignInMethod.TOTP, SignInOutcome.SUCCESS));
    assertThat(directory.find(enabled.account().id()).orElseThrow().lastSignInAt()).isNotNull();

    var again = new MockHttpSession();
    passwordStep(enabled.account().email(), again);
    assertThat(secondStep(enabled.code(enabled.step() + 1), again)).as("the same step never works twice")
        .hasStatusOk();
    assertThat(signedIn(again)).isFalse();
  }

  @Test
  void aRecoveryCodeSignsInOnceAndTheCodePageNeedsAPendingSignIn() {
    Enabled enabled = enable(newAccount(Role.STUDENT));
    String recovery = enabled.recoveryCodes().get(3);

    var fresh = new MockHttpSession();
    assertThat(secondStep(recovery, fresh)).as("no password step in this session").hasStatusOk()
        .bodyText().contains("Sign in again");
    assertThat(signedIn(fresh)).isFalse();

    var session = new MockHttpSession();
    passwordStep(enabled.account().email(), session);
    assertThat(secondStep(recovery.toUpperCase().replace("-", " "), session)).hasRedirectedUrl("/");
    assertThat(signedIn(session)).isTrue();
    assertThat(twoFactor.status(enabled.account().id()).recoveryCodesLeft()).isEqualTo(9);

    var again = new MockHttpSession();
    passwordStep(enabled.account().email(), again);
    assertThat(secondStep(recovery, again)).hasStatusOk();
    assertThat(signedIn(again)).as("a recovery code works once").isFalse();
    assertThat(secondStep(enabled.recoveryCodes().get(4), again)).hasRedirectedUrl("/");
  }

  @Test
  void wrongCodesCountTowardTheLockoutAndAreRateLimited() {
    Enabled enabled = enable(newAccount(Role.STUDENT));
    var session = new MockHttpSession();
    passwordStep(enabled.account().email(), session);
    for (int i = 0; i < 5; i++) { // lockout after 5 failures by default, as for passwords
      assertThat(secondStep(String.format("%06d", i), session)).hasStatusOk();
    }
    assertThat(history(enabled.account()).getLast().outcome()).isEqualTo(SignInOutcome.BAD_CREDENTIALS);

    var limited = secondStep(enabled.code(enabled.step() + 1), session);
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
    assertThat(signedIn(session)).isFalse();

    var later = new MockHttpSession();
    var lockedOut = passwordStep(enabled.account().email(), later);
    assertThat(lockedOut).as("the password alone does not unlock: 429 with the wait, as for passwords")
        .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(lockedOut.getResponse().getHeader("Retry-After")).isNotBlank();
    assertThat(signedIn(later)).isFalse();
    assertThat(history(enabled.account()).getLast()).satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.PASSWORD);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.LOCKED);
    });
    assertThat(history(enabled.account())).extracting(SignInRecord::outcome)
        .containsOnlyOnce(SignInOutcome.RATE_LIMITED);
  }

  @Test
  void theApiAsksForTheSecondFactorOnlyAfterARightPassword() {
    Enabled enabled = enable(newAccount(Role.TEACHER));
    String email = enabled.account().email();

    // Five requests in all: the "sign-in" limit allows five a minute per address and e-mail.
    var wrongPasswordWithCode = apiLogin(email, "not the password at all",
        ",\"totp\":\"" + enabled.code(enabled.step() + 1) + "\"");
    assertThat(wrongPasswordWithCode).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.type").isEqualTo("/problems/credentials-rejected");

    var missing = apiLogin(email, PASSWORD, "");
    assertThat(missing).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.type")
        .isEqualTo("/problems/second-factor-required");
    assertThat(missing.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);

    var wrongCode = apiLogin(email, PASSWORD, ",\"totp\":\"" + enabled.code(enabled.step() - 3) + "\"");
    assertThat(wrongCode).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.type")
        .isEqualTo("/problems/credentials-rejected");

    var signedIn = apiLogin(email, PASSWORD, ",\"totp\":\"" + enabled.code(enabled.step() + 1) + "\"");
    assertThat(signedIn).hasStatusOk().bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");

    var withRecovery = apiLogin(email, PASSWORD, ",\"recoveryCode\":\"" + enabled.recoveryCodes().getFirst() + "\"");
    assertThat(withRecovery).hasStatusOk().bodyJson().extractingPath("$.refreshToken").isNotNull();

    assertThat(history(enabled.account())).extracting(SignInRecord::method, SignInRecord::outcome).containsSubsequence(
        tuple(SignInMethod.PASSWORD, SignInOutcome.SECOND_FACTOR_REQUIRED),
        tuple(SignInMethod.TOTP, SignInOutcome.BAD_CREDENTIALS),
        tuple(SignInMethod.TOTP, SignInOutcome.SUCCESS),
        tuple(SignInMethod.TOTP, SignInOutcome.SUCCESS));
  }

  @Test
  void anAdministratorRequiresTheSecondFactorForARoleAndResetsIt() {
    AccountView admin = newAccount(Role.ADMIN);
    AccountView teacher = newAccount(Role.TEACHER);
    AccountView student = newAccount(Role.STUDENT);
    assertThat(mvc.post().uri("/admin/two-factor").with(authentication(as(teacher))).with(csrf())
        .param("roles", "TEACHER")).hasStatus(HttpStatus.FORBIDDEN);
    try {
      assertThat(mvc.post().uri("/admin/two-factor").with(authentication(as(admin))).with(csrf())
          .param("roles", "TEACHER")).hasRedirectedUrl("/admin/two-factor");
      assertThat(twoFactor.requirements()).extracting(TwoFactor.Requirement::role, TwoFactor.Requirement::required)
          .containsExactly(tuple(Role.ADMIN, false),
              tuple(Role.TEACHER, true));
      assertThat(jdbc.sql("select detail from identity.admin_action where actor_id = ? and action = ?")
          .params(admin.id().value(), "TWO_FACTOR_REQUIREMENT").query(String.class).list())
          .containsExactly("required for [TEACHER]");

      var apiAnswer = apiLogin(teacher.email(), PASSWORD, "");
      assertThat(apiAnswer).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.type")
          .isEqualTo("/problems/second-factor-setup-required");
      assertThat(apiLogin(student.email(), PASSWORD, "")).as("other roles are not affected").hasStatusOk();

      var session = new MockHttpSession();
      assertThat(passwordStep(teacher.email(), session)).hasRedirectedUrl("/sign-in/two-factor/set-up");
      assertThat(signedIn(session)).isFalse();
      assertThat(mvc.get().uri("/sign-in/two-factor").session(session))
          .hasRedirectedUrl("/sign-in/two-factor/set-up");
      var setUp = mvc.get().uri("/sign-in/two-factor/set-up").session(session).exchange();
      byte[] secret = secretShownBy(html(setUp));
      long step = currentStep();
      var done = mvc.post().uri("/sign-in/two-factor/set-up").session(session).with(csrf())
          .param("code", Totp.SIGHTLINE.code(secret, step)).exchange();
      assertThat(done).hasStatusOk();
      assertThat(recoveryCodesShownBy(html(done))).hasSize(10);
      assertThat(signedIn(session)).isTrue();
      assertThat(twoFactor.status(teacher.id()).enabled()).isTrue();

      assertThat(mvc.post().uri("/admin/accounts/{id}/two-factor/reset", teacher.id().value())
          .with(authentication(as(admin))).with(csrf())).hasRedirectedUrl("/admin/accounts/" + teacher.id());
      assertThat(twoFactor.status(teacher.id()).enabled()).isFalse();
      assertThat(administration.adminActions(teacher.id())).first().satisfies(action -> {
        assertThat(action.action()).isEqualTo("TWO_FACTOR_RESET");
        assertThat(action.actor()).isEqualTo(admin.id());
      });
      assertThat(passwordStep(teacher.email(), new MockHttpSession())).as("still required: set up again")
          .hasRedirectedUrl("/sign-in/two-factor/set-up");
    } finally {
      twoFactor.require(Set.of(), admin.id()); // the requirement is global: leave it as the other tests expect
    }
  }

  @Test
  void turningItOffOrReplacingCodesNeedsAPasswordOrCurrentCode() {
    Enabled enabled = enable(newAccount(Role.STUDENT));
    var user = as(enabled.account());
    assertThat(mvc.post().uri("/account/two-factor/recovery-codes").with(authentication(user)).with(csrf())
        .param("confirmation", "a wrong password here")).hasRedirectedUrl("/account/two-factor")
        .flash().containsEntry("problem", "totp.confirmationWrong");
    var replaced = mvc.post().uri("/account/two-factor/recovery-codes").with(authentication(user)).with(csrf())
        .param("confirmation", PASSWORD).exchange();
    List<String> newCodes = recoveryCodesShownBy(html(replaced));
    assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(enabled.recoveryCodes());

    assertThat(mvc.post().uri("/account/two-factor/disable").with(authentication(user)).with(csrf())
        .param("confirmation", enabled.code(enabled.step()))).as("a used step is no confirmation")
        .flash().containsEntry("problem", "totp.confirmationWrong");
    assertThat(twoFactor.status(enabled.account().id()).enabled()).isTrue();
    assertThat(mvc.post().uri("/account/two-factor/disable").with(authentication(user)).with(csrf())
        .param("confirmation", enabled.code(enabled.step() + 1))).flash().containsEntry("notice", "totp.disabled");
    assertThat(twoFactor.status(enabled.account().id()).enabled()).isFalse();
    assertThat(passwordStep(enabled.account().email(), new MockHttpSession())).hasRedirectedUrl("/");
  }
}
