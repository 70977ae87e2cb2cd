package sightline.identity.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.DeliveryTestServers;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.WithDeliveryServers;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.directory.AccountDirectoryService;
import sightline.identity.history.SignInHistory;
import sightline.identity.history.SignInRecord;

/** One-time codes through the real pages, API, database, SMTP server (GreenMail) and HTTP SMS gateway. */
class CodeSignInIntegrationTests extends WithDeliveryServers {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  SignInHistory history;
  @Autowired
  AccountDirectoryService accounts;
  @Autowired
  AccountAdministration administration;

  private AccountView newAccount() {
    return directory.create(new NewAccount("code-" + UUID.randomUUID() + "@example.org", "Code Person",
        EnumSet.of(Role.STUDENT), null, "a password nobody types here"));
  }

  private MvcTestResult requestCode(String recipient) {
    return mvc.post().uri("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
        .content("{\"recipient\":\"" + recipient + "\"}").exchange();
  }

  private MvcTestResult verify(String recipient, String code) {
    return mvc.post().uri("/api/v1/auth/codes/verify").contentType(MediaType.APPLICATION_JSON)
        .content("{\"recipient\":\"" + recipient + "\",\"code\":\"" + code + "\"}").exchange();
  }

  private List<SignInRecord> history(AccountView account) {
    return history.of(account.id(), 0, 50).getContent();
  }

  private static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  void signsInThroughThePagesWithACodeReadFromTheMailAndStartsAFreshSession() {
    AccountView account = newAccount();
    var session = new MockHttpSession();
    String before = session.getId();
    assertThat(mvc.post().uri("/sign-in/code").session(session).with(csrf()).param("recipient", account.email()))
        .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/sign-in/code/verify");
    String code = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(account.email()));

    var result = mvc.post().uri("/sign-in/code/verify").session(session).with(csrf())
        .header("User-Agent", "CodeTest/1.0").param("recipient", account.email()).param("code", code).exchange();

    assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
    assertThat(session.getId()).as("session fixation protection").isNotEqualTo(before);
    var context = (SecurityContext) session.getAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(SignedInUser.class,
        user -> assertThat(user.id()).isEqualTo(account.id()));
    assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
        .containsExactly("ROLE_STUDENT");
    assertThat(mvc.get().uri("/account/sign-ins").session(session)).hasStatusOk();
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.CODE);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS);
      assertThat(record.userAgent()).isEqualTo("CodeTest/1.0");
    });
  }

  @Test
  void aSelfRegisteredAccountAwaitingApprovalIsNotSignedInByACodeUntilApproved() {
    String email = "awaiting-" + UUID.randomUUID() + "@example.org";
    AccountView account = accounts.register(email, "Awaiting Person", "a password long enough here", true);
    assertThat(requestCode(email)).hasStatus(HttpStatus.ACCEPTED);
    String code = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(email));

    var refused = verify(email, code);
    assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.type")
        .isEqualTo("/problems/code-rejected");
    assertThat(refused.getRequest().getSession(false)).isNull();
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.CODE);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.NOT_APPROVED);
    });

    administration.approve(account.id(), newAccount().id());
    assertThat(requestCode(email)).hasStatus(HttpStatus.ACCEPTED);
    String next = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailsTo(email, 2).getLast());
    assertThat(verify(email, next)).hasStatusOk();
  }

  @Test
  void aWrongCodeOnThePageShowsTheFormAgainAndIsRecorded() {
    AccountView account = newAccount();
    requestCode(account.email());
    String code = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(account.email()));
    var result = mvc.post().uri("/sign-in/code/verify").with(csrf()).param("recipient", account.email())
        .param("code", wrong(code)).exchange();
    assertThat(result).hasStatusOk().bodyText().contains("id=\"code-rejected\"");
    assertThat(history(account)).singleElement().satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.CODE);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.BAD_CREDENTIALS);
    });
  }

  @Test
  void theApiReturnsTheSignedInAccountAndACodeWorksOnce() {
    AccountView account = newAccount();
    assertThat(requestCode(account.email().toUpperCase())).hasStatus(HttpStatus.ACCEPTED);
    String code = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(account.email()));

    var signedIn = verify(account.email(), code);
    assertThat(signedIn).hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(account.email());
    assertThat(signedIn.getResponse().getCookie("JSESSIONID")).isNull(); // MockMvc keeps sessions, not cookies
    assertThat(signedIn.getRequest().getSession(false)).isNotNull();

    var again = verify(account.email(), code);
    assertThat(again).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again).bodyJson().extractingPath("$.type").isEqualTo("/problems/code-rejected");
  }

  @Test
  void fiveWrongTriesUseTheCodeUp() {
    AccountView account = newAccount();
    requestCode(account.email());
    String code = DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(account.email()));
    for (int i = 0; i < 5; i++) {
      assertThat(verify(account.email(), wrong(code))).hasStatus(HttpStatus.UNAUTHORIZED);
    }
    assertThat(verify(account.email(), code)).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(history(account)).hasSize(6).allSatisfy(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.CODE);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.BAD_CREDENTIALS);
    });
  }

  @Test
  void aNewCodeReplacesTheEarlierOne() {
    AccountView account = newAccount();
    requestCode(account.email());
    requestCode(account.email());
    List<String> mails = DeliveryTestServers.awaitMailsTo(account.email(), 2);
    String first = DeliveryTestServers.codeIn(mails.get(0));
    String second = DeliveryTestServers.codeIn(mails.get(1));
    if (!first.equals(second)) {
      assertThat(verify(account.email(), first)).hasStatus(HttpStatus.UNAUTHORIZED);
    }
    assertThat(verify(account.email(), second)).hasStatusOk();
  }

  @Test
  void knownAndUnknownAddressesGetTheSameAnswer() {
    AccountView account = newAccount();
    String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
    var known = requestCode(account.email());
    var none = requestCode(unknown);
    assertThat(none.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus()).isEqualTo(202);
    assertThat(none.getResponse().getContentAsByteArray()).isEqualTo(known.getResponse().getContentAsByteArray());

    var knownPage = mvc.post().uri("/sign-in/code").with(csrf()).param("recipient", account.email()).exchange();
    var nonePage = mvc.post().uri("/sign-in/code").with(csrf()).param("recipient", unknown).exchange();
    assertThat(nonePage.getResponse().getStatus()).isEqualTo(knownPage.getResponse().getStatus());
    assertThat(nonePage.getResponse().getRedirectedUrl()).isEqualTo(knownPage.getResponse().getRedirectedUrl());

    DeliveryTestServers.awaitMailsTo(account.email(), 2);
    assertThat(DeliveryTestServers.mailsTo(unknown)).isEmpty();
    assertThat(verify(unknown, "123456")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theFourthRequestForOneRecipientInTenMinutesGets429WithRetryAfter() {
    String email = "flood-" + UUID.randomUUID() + "@example.org";
    for (int i = 0; i < 3; i++) {
      assertThat(requestCode(email)).hasStatus(HttpStatus.ACCEPTED);
    }
    var limited = requestCode(email.toUpperCase());
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(1L, 600L);

    var limitedPage = mvc.post().uri("/sign-in/code").with(csrf()).param("recipient", email).exchange();
    assertThat(limitedPage).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limitedPage.getResponse().getHeader("Retry-After")).isNotNull();
  }

  @Test
  void aCodeByTextMessageToAnUnknownPhoneCreatesAMemberAccount() throws Exception {
    String phone = "+9199" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    String typed = phone.substring(0, 3) + " " + phone.substring(3, 8) + " " + phone.substring(8);
    assertThat(requestCode(typed)).hasStatus(HttpStatus.ACCEPTED);
    String sms = DeliveryTestServers.awaitSmsTo(phone);
    assertThat(sms).startsWith("{\"to\":\"" + phone + "\",\"text\":\"");

    var signedIn = verify(phone, DeliveryTestServers.codeIn(sms));
    assertThat(signedIn).hasStatusOk();
    assertThat(signedIn).bodyJson().extractingPath("$.roles").asArray().containsExactly("MEMBER");
    String placeholder = phone.substring(1) + "@phone.invalid";
    assertThat(signedIn).bodyJson().extractingPath("$.email").isEqualTo(placeholder);
    AccountView member = directory.search(placeholder, 0, 2).getContent().getFirst();
    assertThat(member.roles()).containsExactly(Role.MEMBER);
    assertThat(member.displayName()).isEqualTo(phone);
    assertThat(history(member)).singleElement()
        .satisfies(record -> assertThat(record.identifier()).isEqualTo(phone));

    requestCode(phone);
    String second = DeliveryTestServers.codeIn(awaitSecondSms(phone, sms));
    assertThat(verify(phone, second)).hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(placeholder);
    assertThat(directory.search(placeholder, 0, 2).getContent()).hasSize(1);
  }

  private static String awaitSecondSms(String phone, String first) {
    for (int i = 0; i < 200; i++) {
      String latest = DeliveryTestServers.awaitSmsTo(phone);
      if (!latest.equals(first)) {
        return latest;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("no second SMS to " + phone);
  }

  @Test
  void textThatIsNeitherAnAddressNorAPhoneNumberIsA400Problem() {
    assertThat(requestCode("call me maybe")).hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/not-an-email-or-phone-number");
  }

  @Test
  void theCsrfExemptApiAcceptsOnlyJsonSoACrossSiteFormCannotUseIt() {
    assertThat(mvc.post().uri("/api/v1/auth/codes/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("recipient", "someone@example.org").param("code", "123456"))
        .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(mvc.post().uri("/api/v1/auth/codes").contentType(MediaType.TEXT_PLAIN)
        .content("{\"recipient\":\"someone@example.org\"}")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void theApiDescriptionDocumentsTheCodeAndResetEndpoints() {
    assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("\"/api/v1/auth/codes\"",
        "\"/api/v1/auth/codes/verify\"", "\"/api/v1/auth/password-reset\"",
        "\"/api/v1/auth/password-reset/confirm\"");
  }
}
