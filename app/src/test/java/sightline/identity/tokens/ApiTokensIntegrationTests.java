package sightline.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.directory.AccountDirectoryService;
import sightline.identity.history.SignInHistory;
import sightline.identity.history.SignInRecord;

/** API tokens through the real filter chain, sign-in provider, keys and database. */
@SpringBootTest(properties = "sightline.identity.lockout.failures=3") // same context as SignInIntegrationTests
@AutoConfigureMockMvc
class ApiTokensIntegrationTests {

  private static final String PASSWORD = "correct horse battery staple";

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;
  @Autowired
  AccountDirectoryService accounts;
  @Autowired
  AccountAdministration administration;
  @Autowired
  SignInHistory history;

  @Autowired
  SigningKeys signingKeys;

  @Autowired
  SigningKeyRepository signingKeyRows;

  @Autowired
  TokenSettings settings;

  @Autowired
  Clock clock;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  JdbcClient jdbc;

  private AccountView newAccount(Role role) {
    String email = "api-" + UUID.randomUUID() + "@example.org";
    return directory.create(new NewAccount(email, "API Person", EnumSet.of(role), null, PASSWORD));
  }

  private MvcTestResult logIn(String email, String password) {
    return mvc.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
        .content("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)).exchange();
  }

  private MvcTestResult refresh(String refreshToken) {
    return mvc.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
        .content("{\"refreshToken\":\"%s\"}".formatted(refreshToken)).exchange();
  }

  private MvcTestResult me(String accessToken) {
    return mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
        .accept(MediaType.APPLICATION_JSON).exchange();
  }

  private static String field(MvcTestResult result, String name) {
    try {
      return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$." + name);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Tokens(String access, String refresh) {}

  private Tokens tokensFor(AccountView account) {
    MvcTestResult result = logIn(account.email(), PASSWORD);
    assertThat(result).hasStatusOk();
    return new Tokens(field(result, "accessToken"), field(result, "refreshToken"));
  }

  private static Tokens tokens(MvcTestResult result) {
    return new Tokens(field(result, "accessToken"), field(result, "refreshToken"));
  }

  @Test
  void logsInWithoutSessionOrCsrfAndTheBearerTokenNamesTheCaller() {
    AccountView account = newAccount(Role.TEACHER);
    MvcTestResult login = logIn(account.email().toUpperCase(), PASSWORD);

    assertThat(login).hasStatusOk().bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
    assertThat(login).bodyJson().extractingPath("$.expiresIn").isEqualTo(900);
    assertThat(login.getRequest().getSession(false)).isNull();
    assertThat(login.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");

    MvcTestResult me = me(field(login, "accessToken"));
    assertThat(me).hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(account.email());
    assertThat(me).bodyJson().extractingPath("$.roles").asArray().containsExactly("TEACHER");
    assertThat(me.getRequest().getSession(false)).isNull();

    assertThat(history.of(account.id(), 0, 10).getContent()).singleElement().satisfies(record -> {
      assertThat(record.method()).isEqualTo(SignInMethod.PASSWORD);
      assertThat(record.outcome()).isEqualTo(SignInOutcome.SUCCESS);
    });
  }

  @Test
  void theAccessTokenIsAnEs256JwtNamingItsKeyAndExpiringIn15Minutes() throws Exception {
    Tokens tokens = tokensFor(newAccount(Role.STUDENT));
    SignedJWT jwt = SignedJWT.parse(tokens.access());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(signingKeys.verificationKeys()).anySatisfy(key -> assertThat(key.getKeyID())
        .isEqualTo(jwt.getHeader().getKeyID()));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(claims.getStringListClaim("roles")).containsExactly("STUDENT");
  }

  @Test
  void unknownEmailWrongPasswordAndLockedAccountGetTheSameAnswer() throws Exception {
    AccountView account = newAccount(Role.STUDENT);
    MvcTestResult unknown = logIn("nobody-" + UUID.randomUUID() + "@example.org", PASSWORD);
    MvcTestResult wrong = logIn(account.email(), "wrong password, long enough");

    AccountView locked = newAccount(Role.STUDENT);
    for (int i = 0; i < 3; i++) {
      logIn(locked.email(), "not the password " + i);
    }
    MvcTestResult lockedWithRightPassword = logIn(locked.email(), PASSWORD);

    assertThat(unknown).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(unknown).bodyJson().extractingPath("$.type").isEqualTo("/problems/credentials-rejected");
    String answer = unknown.getResponse().getContentAsString();
    for (MvcTestResult other : List.of(wrong, lockedWithRightPassword)) {
      assertThat(other).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(other.getResponse().getContentAsString()).isEqualTo(answer);
    }
    assertThat(history.of(locked.id(), 0, 10).getContent()).first()
        .extracting(SignInRecord::outcome).isEqualTo(SignInOutcome.LOCKED);
  }

  @Test
  void theSixthLoginInAMinuteGets429WithRetryAfter() {
    String email = "flood-api-" + UUID.randomUUID() + "@example.org";
    for (int i = 0; i < 5; i++) {
      assertThat(logIn(email, "guess " + i)).hasStatus(HttpStatus.UNAUTHORIZED);
    }
    MvcTestResult limited = logIn(email, "guess 6");
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(limited).bodyJson().extractingPath("$.type").isEqualTo("/problems/rate-limited");
    assertThat(Long.parseLong(limited.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
  }

  @Test
  void rejectsTamperedExpiredUnsignedAndForeignTokensWithAProblem() throws Exception {
    AccountView account = newAccount(Role.STUDENT);
    String genuine = tokensFor(account).access();
    assertThat(me(genuine)).hasStatusOk();

    String[] parts = genuine.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String promoted = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.replace("\"STUDENT\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + promoted + "." + parts[2];

    Instant now = clock.instant();
    String expired = AccessTokens.sign(signingKeys.signingKey(),
        claims(account, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5))));

    String unsigned = new PlainJWT(claims(account, now, now.plus(Duration.ofMinutes(15)))).serialize();

    ECKey foreignKey = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    String foreign = AccessTokens.sign(foreignKey, claims(account, now, now.plus(Duration.ofMinutes(15))));

    ECKey sameKidOtherKey = new ECKeyGenerator(Curve.P_256).keyID(SignedJWT.parse(genuine).getHeader().getKeyID())
        .generate();
    String forged = AccessTokens.sign(sameKidOtherKey, claims(account, now, now.plus(Duration.ofMinutes(15))));

    for (String bad : List.of(tampered, expired, unsigned, foreign, forged, "not-a-jwt")) {
      MvcTestResult result = me(bad);
      assertThat(result).as(bad).hasStatus(HttpStatus.UNAUTHORIZED)
          .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/access-token-rejected");
      assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }
  }

  private JWTClaimsSet claims(AccountView account, Instant issued, Instant expires) {
    return new JWTClaimsSet.Builder().issuer(settings.issuer()).subject(account.id().toString())
        .issueTime(Date.from(issued)).expirationTime(Date.from(expires))
        .claim("email", account.email()).claim("name", account.displayName())
        .claim("roles", List.of("ADMIN")).build();
  }

  @Test
  void withoutATokenTheApiAnswers401ProblemAndPagesIgnoreBearerTokens() {
    assertThat(mvc.get().uri("/api/v1/me").accept(MediaType.APPLICATION_JSON))
        .hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    String admin = tokensFor(newAccount(Role.ADMIN)).access();
    assertThat(mvc.get().uri("/admin/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
        .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/sign-in");
  }

  @Test
  void csrfAppliesToSessionCallersButNotToBearerCalls() {
    AccountView account = newAccount(Role.STUDENT);
    String bearer = tokensFor(account).access();
    // POST /api/v1/me has no handler: 405 means the request got past CSRF, 403 that CSRF stopped it.
    assertThat(mvc.post().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer))
        .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    var session = new SignedInUser(account.id(), account.email(), account.displayName(), account.roles());
    assertThat(mvc.post().uri("/api/v1/me").with(SecurityMockMvcRequestPostProcessors.authentication(
        UsernamePasswordAuthenticationToken.authenticated(session, null,
            List.of(new SimpleGrantedAuthority(Role.STUDENT.authority()))))))
        .hasStatus(HttpStatus.FORBIDDEN);
  }

  @Test
  void aBearerTokenCarriesTheRolesForAuthorization() {
    String student = tokensFor(newAccount(Role.STUDENT)).access();
    assertThat(mvc.get().uri("/api/v1/admin/anything").header(HttpHeaders.AUTHORIZATION, "Bearer " + student))
        .hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void refreshRotatesAndReusingAnOldRefreshTokenRevokesTheWholeFamily() {
    AccountView account = newAccount(Role.STUDENT);
    Tokens first = tokensFor(account);

    MvcTestResult refreshed = refresh(first.refresh());
    assertThat(refreshed).hasStatusOk();
    Tokens second = tokens(refreshed);
    assertThat(second.refresh()).isNotEqualTo(first.refresh());
    assertThat(second.access()).isNotEqualTo(first.access());
    assertThat(me(second.access())).hasStatusOk();

    Tokens third = tokens(refresh(second.refresh()));

    MvcTestResult reuse = refresh(first.refresh());
    assertThat(reuse).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(reuse).bodyJson().extractingPath("$.type").isEqualTo("/problems/refresh-token-rejected");
    assertThat(refresh(third.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);

    Tokens otherDevice = tokensFor(account);
    assertThat(refresh(otherDevice.refresh())).as("another sign-in is another family").hasStatusOk();
  }

  @Test
  void logoutRevokesTheFamilyAndAlwaysSucceeds() {
    Tokens tokens = tokensFor(newAccount(Role.STUDENT));
    Tokens next = tokens(refresh(tokens.refresh()));
    assertThat(mvc.post().uri("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
        .content("{\"refreshToken\":\"%s\"}".formatted(next.refresh()))).hasStatus(HttpStatus.NO_CONTENT);
    assertThat(refresh(next.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(mvc.post().uri("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
        .content("{\"refreshToken\":\"no-such-token\"}")).hasStatus(HttpStatus.NO_CONTENT);
  }

  @Test
  void aDisabledAccountCannotRefresh() {
    AccountView account = newAccount(Role.TEACHER);
    Tokens tokens = tokensFor(account);
    // No administration API for disabling yet; set the state the way an administrator's action would leave it.
    jdbc.sql("update identity.account set status = 'DISABLED' where id = ?").param(account.id().value()).update();
    assertThat(refresh(tokens.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void changingThePasswordOrBeingDisabledRevokesEveryRefreshToken() {
    AccountView changer = newAccount(Role.STUDENT);
    Tokens beforeChange = tokensFor(changer);
    assertThat(accounts.changePassword(changer.id(), PASSWORD, "an entirely new long password", null)).isTrue();
    assertThat(refresh(beforeChange.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);

    AccountView admin = newAccount(Role.ADMIN);
    AccountView disabled = newAccount(Role.TEACHER);
    Tokens beforeDisable = tokensFor(disabled);
    administration.disable(disabled.id(), admin.id());
    administration.enable(disabled.id(), admin.id());
    assertThat(refresh(beforeDisable.refresh())).as("stays revoked after re-enabling")
        .hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void malformedRequestsAre400Problems() {
    assertThat(mvc.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void afterAKeyRotationOldTokensStillVerifyAndNewOnesUseTheNewKey() throws Exception {
    AccountView account = newAccount(Role.STUDENT);
    String before = tokensFor(account).access();
    signingKeys.rotate();
    String after = tokensFor(account).access();

    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
    String newKid = SignedJWT.parse(after).getHeader().getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(me(before)).hasStatusOk();
    assertThat(me(after)).hasStatusOk();

    // a restarted server reads the same keys from the database
    var restarted = new SigningKeys(signingKeyRows, settings, clock, transactionManager);
    assertThat(restarted.verificationKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);
  }

  @Test
  void aKeyOlderThanTheRotationAgeIsReplacedAtTheNextSignature() throws Exception {
    var quickRotation = new TokenSettings(settings.issuer(), settings.accessTokenLifetime(), Duration.ofMillis(1),
        settings.refreshTokenIdle(), settings.refreshTokenAbsolute());
    var keys = new SigningKeys(signingKeyRows, quickRotation, clock, transactionManager);
    String first = keys.signingKey().getKeyID();
    Thread.sleep(5);
    String second = keys.signingKey().getKeyID();
    assertThat(second).isNotEqualTo(first);
    assertThat(keys.verificationKeys()).extracting(key -> key.getKeyID()).contains(first, second);
    assertThat(signingKeyRows.findById(second)).isPresent();
  }

  @Test
  void theEndpointsAreInTheApiDescription() {
    assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText()
        .contains("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "\"bearer\"");
  }
}
