package sightline.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;
import sightline.identity.history.SignInFilter;
import sightline.identity.history.SignInHistory;
import sightline.identity.history.SignInRecord;
import sightline.system.ErrorPages;

/** Password sign-in through the real filter chain, provider, Argon2 and database. */
@SpringBootTest(properties = "sightline.identity.lockout.failures=3")
@AutoConfigureMockMvc
class SignInIntegrationTests {

  private static final String PASSWORD = "correct horse battery staple";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;

  @Autowired
  AccountRepository accounts;

  private AccountView newAccount(Role... roles) {
    String email = "user-" + UUID.randomUUID() + "@example.org";
    return directory.create(new NewAccount(email, "Test Person", EnumSet.of(roles[0], roles), null, PASSWORD));
  }

  private MvcTestResult signIn(String email, String password) {
    return mvc.post().uri("/sign-in").with(csrf()).header("User-Agent", "SightlineTest/1.0")
        .param("email", email).param("password", password).exchange();
  }

  private List<SignInRecord> history(AccountView account) {
    return history.of(account.id(), 0, 50).getContent();
  }

  @Test
  void signsInWithTheRightPasswordAndRecordsIt() {
    AccountView account = newAccount(Role.TEACHER);
    var result = signIn(account.email().toUpperCase(), PASSWORD);
    assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS);
      assertThat(record.method()).isEqualTo(SignInMethod.PASSWORD);
      assertThat(record.ip()).isEqualTo("127.0.0.1");
      assertThat(record.userAgent()).isEqualTo("SightlineTest/1.0");
    });
    assertThat(directory.find(account.id()).orElseThrow().lastSignInAt()).isNotNull();
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSameAnswerAndAreBothRecorded() {
    AccountView account = newAccount(Role.STUDENT);
    String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
    var wrongPassword = signIn(account.email(), "wrong password, long enough");
    var unknownEmail = signIn(unknown, PASSWORD);
    assertThat(wrongPassword).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/sign-in?error");
    assertThat(unknownEmail).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/sign-in?error");
    assertThat(history(account)).singleElement()
        .satisfies(record -> assertThat(record.outcome()).isEqualTo(SignInOutcome.BAD_CREDENTIALS));
    assertThat(history.signIns(SignInFilter.none(), 0, 200).getContent()).anySatisfy(record -> {
      assertThat(record.identifier()).isEqualTo(unknown);
      assertThat(record.account()).isNull();
      assertThat(record.outcome()).isEqualTo(SignInOutcome.BAD_CREDENTIALS);
    });
  }

  @Test
  void locksTheAccountAfterTheConfiguredFailuresEvenForTheRightPasswordAndSaysHowLongToWait() {
    AccountView account = newAccount(Role.STUDENT);
    for (int i = 0; i < 3; i++) {
      assertThat(signIn(account.email(), "not the password " + i)).hasRedirectedUrl("/sign-in?error");
    }
    var locked = signIn(account.email(), PASSWORD);
    // Like the rate limit: 429 with the wait (the first lockout lasts a minute); the error page shows it.
    assertThat(locked).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(locked.getResponse().getHeader("Retry-After"))).isBetween(50L, 60L);
    assertThat(locked.getRequest().getAttribute(ErrorPages.RETRY_AFTER_SECONDS)).isNotNull();
    assertThat(history(account)).first()
        .satisfies(record -> assertThat(record.outcome()).isEqualTo(SignInOutcome.LOCKED));
  }

  @Test
  void theSixthAttemptInAMinuteFromOneAddressForOneEmailGets429WithRetryAfter() {
    String email = "flood-" + UUID.randomUUID() + "@example.org";
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(email, "guess number " + i)).hasRedirectedUrl("/sign-in?error");
    }
    var limited = signIn(email, "guess number 6");
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(history.signIns(SignInFilter.none(), 0, 100).getContent()).filteredOn(record -> record.identifier().equals(email))
        .extracting(SignInRecord::outcome).containsOnlyOnce(SignInOutcome.RATE_LIMITED).hasSize(6);

    String other = "calm-" + UUID.randomUUID() + "@example.org";
    assertThat(signIn(other, "one guess")).hasRedirectedUrl("/sign-in?error");
  }

  @Test
  void storesArgon2idHashesAndUpgradesWeakerOnesAtSignIn() {
    AccountView account = newAccount(Role.STUDENT);
    Account stored = accounts.findById(account.id().value()).orElseThrow();
    assertThat(stored.passwordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");

    stored.setPasswordHash("{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD));
    accounts.save(stored);
    assertThat(signIn(account.email(), PASSWORD)).hasRedirectedUrl("/");
    assertThat(accounts.findById(account.id().value()).orElseThrow().passwordHash())
        .startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void signingOutClearsTheBrowsersCachesAndStorage() {
    var who = SignedInUser.of(newAccount(Role.MEMBER)).authentication();
    assertThat(mvc.post().uri("/sign-out").with(csrf()).with(authentication(who)))
        .hasRedirectedUrl("/sign-in?signedOut").hasHeader("Clear-Site-Data", "\"cache\", \"storage\"");
  }

  @Test
  void formPostsWithoutACsrfTokenAreRejected() {
    AccountView account = newAccount(Role.STUDENT);
    assertThat(mvc.post().uri("/sign-in").param("email", account.email()).param("password", PASSWORD))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(history(account)).isEmpty();
  }

  @Test
  void onlyAdministratorsCreateAccounts() {
    String email = "created-" + UUID.randomUUID() + "@example.org";
    var student = signedIn(newAccount(Role.STUDENT));
    var teacher = signedIn(newAccount(Role.TEACHER));
    var admin = signedIn(newAccount(Role.ADMIN));

    for (var caller : List.of(student, teacher)) {
      assertThat(mvc.get().uri("/admin/accounts").with(authentication(caller))).hasStatus(HttpStatus.FORBIDDEN);
      assertThat(createAccount(caller, email)).hasStatus(HttpStatus.FORBIDDEN);
    }
    assertThat(directory.search(email, 0, 5).getContent()).isEmpty();

    assertThat(createAccount(admin, email)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/accounts");
    assertThat(directory.search(email, 0, 5).getContent()).singleElement()
        .satisfies(created -> assertThat(created.roles()).containsExactly(Role.TEACHER));

    var duplicate = createAccount(admin, email.toUpperCase());
    assertThat(duplicate).hasStatus(HttpStatus.OK);
    assertThat(duplicate).bodyText().contains("Another account already uses this e-mail address.");
  }

  @Test
  void theApiNamesTheSignedInCaller() {
    AccountView account = newAccount(Role.TEACHER);
    assertThat(mvc.get().uri("/api/v1/me").with(authentication(signedIn(account))).accept(MediaType.APPLICATION_JSON))
        .hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(account.email());
  }

  private MvcTestResult createAccount(UsernamePasswordAuthenticationToken caller, String email) {
    return mvc.post().uri("/admin/accounts").with(csrf()).with(authentication(caller))
        .param("email", email).param("displayName", "New Teacher").param("roles", "TEACHER")
        .param("password", "a long enough password").exchange();
  }

  private static UsernamePasswordAuthenticationToken signedIn(AccountView account) {
    return SignedInUser.of(account).authentication();
  }
}
