package sightline.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountStatus;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.directory.AccountChanges;
import sightline.identity.directory.AccountUpdates;
import sightline.identity.directory.AdminActionRecord;
import sightline.identity.history.SignInHistory;

/** Administrators change, disable, enable and unlock accounts; every action is recorded with who did it. */
@SpringBootTest(properties = "sightline.identity.lockout.failures=2")
@AutoConfigureMockMvc
class AccountAdministrationIntegrationTests {

  private static final String PASSWORD = "correct horse battery staple";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  AccountAdministration administration;
  @Autowired
  AccountUpdates updates;
  @Autowired
  SignInHistory history;

  private AccountView newAccount(Role role) {
    return directory.create(new NewAccount("admin-test-" + UUID.randomUUID() + "@example.org", "Person " + role,
        EnumSet.of(role), null, PASSWORD));
  }

  private MvcTestResult signIn(AccountView account, String password) {
    return mvc.post().uri("/sign-in").with(csrf()).param("email", account.email()).param("password", password)
        .exchange();
  }

  private MvcTestResult post(AccountView caller, String uri, String... params) {
    var request = mvc.post().uri(uri).with(csrf()).with(authentication(signedIn(caller)));
    for (int i = 0; i < params.length; i += 2) {
      request = request.param(params[i], params[i + 1]);
    }
    return request.exchange();
  }

  @Test
  void disablingStopsSignInAndEnablingRestoresIt() {
    AccountView admin = newAccount(Role.ADMIN);
    AccountView student = newAccount(Role.STUDENT);

    assertThat(post(admin, "/admin/accounts/" + student.id() + "/disable"))
        .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/accounts/" + student.id());
    assertThat(signIn(student, PASSWORD)).hasRedirectedUrl("/sign-in?error");
    assertThat(history.of(student.id(), 0, 5).getContent()).first()
        .satisfies(record -> assertThat(record.outcome()).isEqualTo(SignInOutcome.DISABLED));

    post(admin, "/admin/accounts/" + student.id() + "/enable");
    assertThat(signIn(student, PASSWORD)).hasRedirectedUrl("/");
    assertThat(administration.adminActions(student.id())).extracting(AdminActionRecord::action)
        .containsExactly("ENABLED", "DISABLED", "CREATED");
    assertThat(administration.adminActions(student.id()).getFirst().actor()).isEqualTo(admin.id());
  }

  @Test
  void unlockingLetsALockedOutPersonSignInAtOnce() {
    AccountView admin = newAccount(Role.ADMIN);
    AccountView teacher = newAccount(Role.TEACHER);
    signIn(teacher, "wrong password one");
    signIn(teacher, "wrong password two");
    assertThat(signIn(teacher, PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

    post(admin, "/admin/accounts/" + teacher.id() + "/unlock");
    assertThat(signIn(teacher, PASSWORD)).hasRedirectedUrl("/");
  }

  @Test
  void roleChangesAreRecordedAndAdministratorsCannotLockThemselvesOut() {
    AccountView admin = newAccount(Role.ADMIN);
    AccountView person = newAccount(Role.STUDENT);
    post(admin, "/admin/accounts/" + person.id(), "displayName", "Renamed Person", "roles", "TEACHER");
    assertThat(directory.find(person.id()).orElseThrow().roles()).containsExactly(Role.TEACHER);
    assertThat(administration.adminActions(person.id())).extracting(AdminActionRecord::action)
        .contains("ROLES_CHANGED", "UPDATED");

    post(admin, "/admin/accounts/" + admin.id() + "/disable");
    post(admin, "/admin/accounts/" + admin.id(), "displayName", "Still Admin", "roles", "TEACHER");
    AccountView self = directory.find(admin.id()).orElseThrow();
    assertThat(self.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(self.roles()).containsExactly(Role.ADMIN);
  }

  @Test
  void anAdministratorsEditsNeverFailBecauseTheAccountsOwnerSignsInMeanwhile() throws Exception {
    AccountView admin = newAccount(Role.ADMIN);
    AccountView owner = newAccount(Role.STUDENT);
    int rounds = 45; // the action log shows the latest 50
    var start = new CyclicBarrier(2);
    var pool = Executors.newFixedThreadPool(2);
    try {
      // What a sign-in writes (AccountUpdates, as PasswordSignIn uses it) against what an administrator writes, on
      // the same row: sign-ins back to back, each after 20 ms (the least Argon2 takes), and edits as fast as they
      // go. Without a retry about a third of the edits failed.
      Future<?> edits = pool.submit(() -> {
        start.await();
        for (int i = 0; i < rounds; i++) {
          administration.update(owner.id(), new AccountChanges("Name " + i, "Dept", EnumSet.of(Role.STUDENT)),
              admin.id());
        }
        return null;
      });
      Future<?> signIns = pool.submit(() -> {
        start.await();
        for (int i = 0; i < rounds; i++) {
          updates.apply(owner.id(), account -> account.recordSuccessfulSignIn(Instant.now()));
          Thread.sleep(20);
        }
        return null;
      });
      edits.get(2, TimeUnit.MINUTES);
      signIns.get(2, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    assertThat(directory.find(owner.id()).orElseThrow().displayName()).isEqualTo("Name " + (rounds - 1));
    assertThat(administration.adminActions(owner.id())).filteredOn(action -> action.action().equals("UPDATED"))
        .hasSize(rounds);
  }

  @Test
  void anEditThroughThePageWhileTheOwnerSignsInSucceedsAndTheSignInIsRecorded() throws Exception {
    AccountView admin = newAccount(Role.ADMIN);
    int rounds = 10;
    var pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < rounds; i++) {
        AccountView owner = newAccount(Role.STUDENT); // a new one each round: sign-ins are rate-limited per e-mail
        var start = new CyclicBarrier(2);
        String name = "Page Name " + i;
        Future<MvcTestResult> edit = pool.submit(() -> {
          start.await();
          return post(admin, "/admin/accounts/" + owner.id(), "displayName", name, "roles", "STUDENT");
        });
        Future<MvcTestResult> signIn = pool.submit(() -> {
          start.await();
          return signIn(owner, PASSWORD);
        });
        assertThat(edit.get(1, TimeUnit.MINUTES)).hasStatus(HttpStatus.FOUND)
            .flash().containsEntry("notice", "accounts.updated");
        assertThat(signIn.get(1, TimeUnit.MINUTES)).hasRedirectedUrl("/");
        assertThat(history.of(owner.id(), 0, 5).getContent()).singleElement()
            .satisfies(record -> assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS));
        assertThat(directory.find(owner.id()).orElseThrow().displayName()).isEqualTo(name);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onlyAdministratorsSeeAccountsAndEveryonesHistory() {
    AccountView teacher = newAccount(Role.TEACHER);
    var caller = authentication(signedIn(teacher));
    assertThat(mvc.get().uri("/admin/accounts/" + teacher.id()).with(caller)).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/admin/sign-ins").with(caller)).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/admin/sign-ins.csv").with(caller)).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(post(teacher, "/admin/accounts/" + teacher.id() + "/unlock")).hasStatus(HttpStatus.FORBIDDEN);
  }

  @Test
  void everyonesHistoryFiltersAndExportsAsCsvWithoutFormulaInjection() {
    AccountView admin = newAccount(Role.ADMIN);
    String marker = "=HYPERLINK(\"x\")-" + UUID.randomUUID();
    mvc.post().uri("/sign-in").with(csrf()).param("email", marker).param("password", "whatever at all").exchange();

    var page = mvc.get().uri("/admin/sign-ins").param("identifier", marker).param("outcome", "BAD_CREDENTIALS")
        .with(authentication(signedIn(admin))).exchange();
    assertThat(page).hasStatusOk();
    assertThat(page).bodyText().contains(marker.replace("\"", "&quot;"));

    var csv = mvc.get().uri("/admin/sign-ins.csv").param("identifier", marker)
        .with(authentication(signedIn(admin))).exchange();
    assertThat(csv).hasStatusOk();
    assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
    assertThat(csv).bodyText().startsWith("time,account,identifier,method,outcome,ip,user_agent")
        .contains(",\"'" + marker.replace("\"", "\"\"") + "\",PASSWORD,BAD_CREDENTIALS,");
  }

  private static UsernamePasswordAuthenticationToken signedIn(AccountView account) {
    return SignedInUser.of(account).authentication();
  }
}
