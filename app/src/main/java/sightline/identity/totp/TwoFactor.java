package sightline.identity.totp;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.directory.AdminAction;

/**
 * TOTP second factors (RFC 6238: HMAC-SHA1, 6 digits, 30 s, one step of clock drift either way) and the
 * administrator's requirement per role. What the sign-in steps of identity ask: does this account need a second
 * factor ({@link #needFor}), and is this code right ({@link #verify}). Codes are single use: an accepted time step
 * is remembered and no step up to it is accepted again; a recovery code works once. Secrets are sealed with
 * {@link SecretCipher}. Only module-internal: Modulith keeps other modules out of {@code identity.totp}.
 */
@Service
public class TwoFactor {

  /** The roles an administrator can require a second factor for. */
  public static final Set<Role> REQUIRABLE = Set.of(Role.ADMIN, Role.TEACHER);

  static final String ISSUER = "Sightline";
  private static final int SECRET_BYTES = 20; // 160 bits, RFC 4226's recommended length for HMAC-SHA1
  private static final int WINDOW = 1;

  /** What an account needs after its first factor (password or one-time code). */
  public enum Need {
    /** Nothing: signed in. */
    NONE,
    /** A code from its authenticator app, or a recovery code. */
    CODE,
    /** Its role requires a second factor and it has none yet: set one up first. */
    SET_UP
  }

  /** Which kind of second factor was accepted. */
  public enum Accepted { TOTP, RECOVERY_CODE }

  /**
   * What the set-up page shows: the secret as text (Base32, grouped by four), its otpauth URI and that as a QR, and
   * the ticket that lets the same browser see the same secret again.
   */
  public record SetUp(String secret, String otpauthUri, String qrCode, SetUpTicket ticket) {}

  /**
   * Proof that a browser started the set-up now waiting for confirmation, kept in its HTTP session: the waiting
   * secret is shown again only to that browser. Anyone else who opens set-up (someone else who knows the password)
   * gets a fresh secret that replaces it, so nobody can hold a copy of the secret its owner then confirms.
   */
  public record SetUpTicket(UUID account, Instant startedAt) implements Serializable {

    private static final String SESSION_KEY = SetUpTicket.class.getName();

    /** The ticket this browser holds, or null. */
    public static @Nullable SetUpTicket in(@Nullable HttpSession session) {
      return session != null && session.getAttribute(SESSION_KEY) instanceof SetUpTicket ticket ? ticket : null;
    }

    /** Keeps this ticket in the browser's session. */
    public void keepIn(HttpSession session) {
      session.setAttribute(SESSION_KEY, this);
    }
  }

  /** @param recoveryCodesLeft unused recovery codes, 0 when not enabled */
  public record Status(boolean enabled, long recoveryCodesLeft) {}

  /** One role's requirement as the settings page shows it. */
  public record Requirement(Role role, boolean required, @Nullable Instant changedAt) {}

  private final TotpCredentialRepository credentials;
  private final RecoveryCodeRepository recoveryCodes;
  private final TotpRequirementRepository requirements;
  private final SecretCipher cipher;
  private final TransactionOperations transactions;
  private final AccountAdministration administration;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TwoFactor(TotpCredentialRepository credentials, RecoveryCodeRepository recoveryCodes,
      TotpRequirementRepository requirements, SecretCipher cipher, TransactionOperations transactions,
      AccountAdministration administration, Clock clock) {
    this.credentials = credentials;
    this.recoveryCodes = recoveryCodes;
    this.requirements = requirements;
    this.cipher = cipher;
    this.transactions = transactions;
    this.administration = administration;
    this.clock = clock;
  }

  /** What an account with these roles needs after its first factor. */
  @Transactional(readOnly = true)
  public Need needFor(AccountId account, Set<Role> roles) {
    if (enabled(account)) {
      return Need.CODE;
    }
    boolean required = requirements.findAll().stream()
        .anyMatch(requirement -> requirement.required() && roles.contains(requirement.role()));
    return required ? Need.SET_UP : Need.NONE;
  }

  @Transactional(readOnly = true)
  public Status status(AccountId account) {
    boolean enabled = enabled(account);
    return new Status(enabled, enabled ? recoveryCodes.countByAccountIdAndUsedAtIsNull(account.value()) : 0);
  }

  /**
   * The secret to set up: the one waiting for confirmation when {@code continuing} is the ticket of the set-up that
   * created it, else a new one that replaces any waiting secret. Refused while a second factor is enabled (disable it
   * first).
   *
   * @param label the account's e-mail address, shown by the authenticator app beside the issuer
   * @param continuing the ticket the caller's browser holds, or null
   * @throws IllegalStateException when the account's second factor is enabled
   */
  @Transactional
  public SetUp setUp(AccountId account, String label, @Nullable SetUpTicket continuing) {
    TotpCredential credential = credentials.findById(account.value()).orElse(null);
    if (credential != null && credential.isEnabled()) {
      throw new IllegalStateException("the second factor of " + account + " is already enabled");
    }
    byte[] secret;
    Instant startedAt;
    if (credential != null && new SetUpTicket(account.value(), credential.createdAt()).equals(continuing)) {
      secret = cipher.open(credential.sealedSecret(), owner(account));
      startedAt = credential.createdAt();
    } else {
      secret = new byte[SECRET_BYTES];
      random.nextBytes(secret);
      // Milliseconds: what both databases store, so the ticket still equals the row after a round trip.
      startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      if (credential == null) {
        credentials.save(new TotpCredential(account.value(), cipher.seal(secret, owner(account)), startedAt));
      } else {
        credential.restart(cipher.seal(secret, owner(account)), startedAt);
      }
    }
    String base32 = Base32.encode(secret);
    String uri = otpauthUri(base32, label);
    return new SetUp(base32.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCode.svgDataUri(uri),
        new SetUpTicket(account.value(), startedAt));
  }

  /** The Key URI Format of Google Authenticator, which every common app reads; parameters are the defaults. */
  static String otpauthUri(String base32Secret, String label) {
    String issuer = URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20");
    String account = URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/" + issuer + ":" + account + "?secret=" + base32Secret + "&issuer=" + issuer
        + "&algorithm=SHA1&digits=6&period=30";
  }

  /**
   * Confirms the secret from {@link #setUp} with a current code and enables it.
   *
   * @return the ten recovery codes, to be shown once; empty when the code is wrong or nothing was being set up
   */
  public Optional<List<String>> enable(AccountId account, String code) {
    try {
      return transactions.execute(tx -> {
        TotpCredential credential = credentials.findById(account.value()).orElse(null);
        if (credential == null || credential.isEnabled() || accept(credential, code).isEmpty()) {
          return Optional.<List<String>>empty();
        }
        credential.enable(clock.instant());
        return Optional.of(replaceRecoveryCodes(account));
      });
    } catch (ObjectOptimisticLockingFailureException concurrent) {
      return Optional.empty();
    }
  }

  /**
   * Checks a second factor and uses it up: a TOTP code (its time step can never be used again) or a recovery code
   * (spent). Two concurrent requests with one code give at most one acceptance.
   *
   * @return what was accepted, or empty for a wrong, replayed or spent code, or an account without a second factor
   */
  public Optional<Accepted> verify(AccountId account, String typed) {
    try {
      return transactions.execute(tx -> {
        TotpCredential credential = credentials.findById(account.value()).orElse(null);
        if (credential == null || !credential.isEnabled()) {
          return Optional.<Accepted>empty();
        }
        if (RecoveryCode.looksLikeOne(typed)) {
          return recoveryCodes.findByAccountIdAndCodeHash(account.value(), RecoveryCode.hash(account.value(), typed))
              .filter(code -> !code.isUsed())
              .map(code -> {
                code.use(clock.instant());
                recoveryCodes.flush(); // the version check happens here, inside the transaction
                return Accepted.RECOVERY_CODE;
              });
        }
        return accept(credential, typed).isPresent() ? Optional.of(Accepted.TOTP) : Optional.<Accepted>empty();
      });
    } catch (ObjectOptimisticLockingFailureException concurrent) {
      return Optional.empty(); // another request used this code or step first
    }
  }

  private OptionalLong accept(TotpCredential credential, String typed) {
    byte[] secret = cipher.open(credential.sealedSecret(), owner(new AccountId(credential.accountId())));
    Totp totp = Totp.SIGHTLINE;
    OptionalLong step = totp.match(secret, typed, totp.stepAt(clock.instant().getEpochSecond()), WINDOW,
        credential.lastUsedStep());
    step.ifPresent(accepted -> {
      credential.use(accepted);
      credentials.flush();
    });
    return step;
  }

  /** Replaces the account's recovery codes with ten new ones and returns them (shown once). */
  @Transactional
  public List<String> newRecoveryCodes(AccountId account) {
    if (!enabled(account)) {
      throw new IllegalStateException("no second factor enabled for " + account);
    }
    return replaceRecoveryCodes(account);
  }

  private List<String> replaceRecoveryCodes(AccountId account) {
    recoveryCodes.deleteByAccount(account.value());
    Instant now = clock.instant();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RecoveryCode.PER_ACCOUNT; i++) {
      String code = RecoveryCode.newCode();
      recoveryCodes.save(new RecoveryCode(account.value(), code, now));
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  /** Removes the account's second factor and recovery codes (its owner's choice). */
  @Transactional
  public void disable(AccountId account) {
    recoveryCodes.deleteByAccount(account.value());
    credentials.findById(account.value()).ifPresent(credentials::delete);
  }

  /** An administrator removes an account's second factor; recorded as an administrator action. */
  @Transactional
  public void reset(AccountId account, AccountId admin) {
    disable(account);
    administration.record(admin, account, AdminAction.Kind.TWO_FACTOR_RESET, null);
  }

  @Transactional(readOnly = true)
  public List<Requirement> requirements() {
    return requirements.findAll().stream()
        .sorted(Comparator.comparing(TotpRequirement::role))
        .map(row -> new Requirement(row.role(), row.required(), row.changedAt())).toList();
  }

  /**
   * Sets which roles must use a second factor; recorded as an administrator action when it changes anything.
   *
   * @param required a subset of {@link #REQUIRABLE}
   */
  @Transactional
  public void require(Set<Role> required, AccountId admin) {
    if (!REQUIRABLE.containsAll(required)) {
      throw new IllegalArgumentException("a second factor can be required only for " + REQUIRABLE);
    }
    Instant now = clock.instant();
    boolean changed = false;
    for (TotpRequirement row : requirements.findAll()) {
      changed |= row.set(required.contains(row.role()), admin.value(), now);
    }
    if (changed) {
      administration.record(admin, null, AdminAction.Kind.TWO_FACTOR_REQUIREMENT,
          "required for " + new TreeSet<>(required));
    }
  }

  private boolean enabled(AccountId account) {
    return credentials.findById(account.value()).map(TotpCredential::isEnabled).orElse(false);
  }

  private static String owner(AccountId account) {
    return "totp:" + account.value();
  }
}
