package sightline.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import sightline.identity.totp.TwoFactorRequirementChanged;
import sightline.identity.totp.TwoFactorReset;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.annotation.Transactional;

/** Creates, finds and administers accounts. The one entry point other modules use for people. */
@Service
public class AccountDirectory {

  private final AccountRepository accounts;
  private final SignInAttemptRepository attempts;
  private final AdminActionRepository actions;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final PasswordPolicy policy;
  private final SessionRegistry sessions;
  private final TransactionOperations transactions;
  private final ApplicationEventPublisher events;

  AccountDirectory(AccountRepository accounts, SignInAttemptRepository attempts, AdminActionRepository actions,
      PasswordEncoder passwords,
      Clock clock, PasswordPolicy policy, SessionRegistry sessions, TransactionOperations transactions,
      ApplicationEventPublisher events) {
    this.events = events;
    this.sessions = sessions;
    this.transactions = transactions;
    this.accounts = accounts;
    this.attempts = attempts;
    this.actions = actions;
    this.passwords = passwords;
    this.clock = clock;
    this.policy = policy;
  }

  /** Creates an account on the system's behalf (no administrator involved); see {@link #create(NewAccount,
   * AccountId)}. */
  @Transactional
  public AccountView create(NewAccount request) {
    return create(request, null);
  }

  /**
   * Creates an account.
   *
   * @param actor the administrator creating it, or null when the system does (first administrator)
   * @throws EmailAlreadyUsed when another account has the e-mail address, in any case
   * @throws PasswordRejected when the password breaks the policy
   */
  @Transactional
  public AccountView create(NewAccount request, @Nullable AccountId actor) {
    Account saved = accounts.save(newAccount(request));
    record(actor, saved, AdminAction.Kind.CREATED, "roles " + saved.roles());
    return AccountView.of(saved);
  }

  private Account newAccount(NewAccount request) {
    if (accounts.existsByEmailKey(Account.emailKey(request.email()))) {
      throw new EmailAlreadyUsed(request.email());
    }
    var account = new Account(request.email(), request.displayName(), request.roles(), request.department(),
        clock.instant());
    if (request.password() != null) {
      account.setPasswordHash(hash(request.password()));
    }
    return account;
  }

  /**
   * Creates a STUDENT account for someone who signed themselves up, waiting for approval when the setting asks for
   * it. Rate limiting is the caller's job (it knows the client).
   *
   * @throws EmailAlreadyUsed when another account has the e-mail address
   * @throws PasswordRejected when the password breaks the policy
   */
  @Transactional
  public AccountView register(String email, String displayName, String password, boolean needsApproval) {
    var account = newAccount(new NewAccount(email, displayName, java.util.Set.of(Role.STUDENT), null, password));
    if (needsApproval) {
      account.awaitApproval();
    }
    return AccountView.of(accounts.save(account));
  }

  /** Lets a self-registered account sign in. */
  @Transactional
  public AccountView approve(AccountId id, AccountId actor) {
    Account account = load(id);
    account.approve();
    record(actor, account, AdminAction.Kind.APPROVED, null);
    return AccountView.of(account);
  }

  /**
   * Changes name, department and roles.
   *
   * @throws AccountNotFound when no account has the id
   * @throws SelfLockoutRefused when an administrator would drop their own ADMIN role
   */
  @Transactional
  public AccountView update(AccountId id, AccountChanges changes, AccountId actor) {
    Account account = load(id);
    if (id.equals(actor) && account.roles().contains(Role.ADMIN) && !changes.roles().contains(Role.ADMIN)) {
      throw new SelfLockoutRefused();
    }
    var before = account.roles();
    account.rename(changes.displayName(), changes.department());
    record(actor, account, AdminAction.Kind.UPDATED, null);
    if (!before.equals(changes.roles())) {
      account.changeRoles(changes.roles());
      record(actor, account, AdminAction.Kind.ROLES_CHANGED, before + " -> " + account.roles());
    }
    return AccountView.of(account);
  }

  /** Stops the account from signing in and ends its sessions and API tokens; refuses one's own account. */
  @Transactional
  public AccountView disable(AccountId id, AccountId actor) {
    if (id.equals(actor)) {
      throw new SelfLockoutRefused();
    }
    Account account = load(id);
    account.disable();
    record(actor, account, AdminAction.Kind.DISABLED, null);
    events.publishEvent(new CredentialsRevoked(id));
    endSessions(id, null);
    return AccountView.of(account);
  }

  @Transactional
  public AccountView enable(AccountId id, AccountId actor) {
    Account account = load(id);
    account.enable();
    record(actor, account, AdminAction.Kind.ENABLED, null);
    return AccountView.of(account);
  }

  /** Lifts a temporary or permanent lockout. */
  @Transactional
  public AccountView unlock(AccountId id, AccountId actor) {
    Account account = load(id);
    account.unlock();
    record(actor, account, AdminAction.Kind.UNLOCKED, null);
    return AccountView.of(account);
  }

  /** The latest administrator actions on an account, newest first. */
  @Transactional(readOnly = true)
  public List<AdminActionRecord> adminActions(AccountId id) {
    return actions.findTop50ByAccountIdOrderByAtDesc(id.value()).stream().map(AdminAction::toRecord).toList();
  }

  /**
   * Sign-in attempts a filter selects, everyone's and those that matched no account included, newest first;
   * {@code page} is 0-based.
   */
  @Transactional(readOnly = true)
  public Page<SignInRecord> signIns(SignInFilter filter, int page, int size) {
    return attempts.findAll(SignInAttemptRepository.matching(filter),
        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at"))).map(SignInAttempt::toRecord);
  }

  private Account load(AccountId id) {
    return accounts.findById(id.value()).orElseThrow(() -> new AccountNotFound(id));
  }

  private void record(@Nullable AccountId actor, Account account, AdminAction.Kind kind, @Nullable String detail) {
    actions.save(new AdminAction(actor, account.id(), kind, detail, clock.instant()));
  }

  @Transactional(readOnly = true)
  public Optional<AccountView> find(AccountId id) {
    return accounts.findById(id.value()).map(AccountView::of);
  }

  /** Accounts whose name or e-mail contains {@code text} (any case), by name; {@code page} is 0-based. */
  @Transactional(readOnly = true)
  public Page<AccountView> search(String text, int page, int size) {
    return accounts.search(text.strip().toLowerCase(java.util.Locale.ROOT),
        PageRequest.of(page, size, Sort.by("displayName"))).map(AccountView::of);
  }

  /** Whether any account holds the ADMIN role. */
  @Transactional(readOnly = true)
  public boolean hasAdministrator() {
    return accounts.existsAdmin();
  }

  /**
   * Changes one's own password after checking the current one, and ends the account's other browser sessions.
   *
   * @param currentSession the session to keep (the caller's own), or null to end them all
   * @return false when the current password is wrong (nothing changes)
   * @throws PasswordRejected when the new password breaks the policy
   */
  public boolean changePassword(AccountId id, String currentPassword, String newPassword,
      @Nullable String currentSession) {
    Account account = transactions.execute(tx -> load(id));
    String hash = account.passwordHash();
    if (hash == null || !passwords.matches(currentPassword, hash)) {
      return false;
    }
    String newHash = hash(newPassword); // Argon2 outside the transaction
    transactions.executeWithoutResult(tx -> {
      load(id).setPasswordHash(newHash);
      events.publishEvent(new CredentialsRevoked(id));
    });
    endSessions(id, currentSession);
    return true;
  }

  /**
   * Whether {@code password} is the account's password, for confirming a sensitive change by someone already signed
   * in (e.g. turning off their second factor). Slow (Argon2) and not rate-limited here: callers limit it.
   */
  public boolean passwordMatches(AccountId id, String password) {
    String hash = transactions.execute(tx -> load(id)).passwordHash();
    return hash != null && passwords.matches(password, hash);
  }

  // Plain listeners, not @ApplicationModuleListener: the record must commit or fail with the change itself.
  @EventListener
  void on(TwoFactorReset event) {
    actions.save(new AdminAction(event.admin(), event.account(), AdminAction.Kind.TWO_FACTOR_RESET, null,
        clock.instant()));
  }

  @EventListener
  void on(TwoFactorRequirementChanged event) {
    actions.save(new AdminAction(event.admin(), null, AdminAction.Kind.TWO_FACTOR_REQUIREMENT,
        "required for " + new java.util.TreeSet<>(event.required()), clock.instant()));
  }

  /** Ends the account's registered browser sessions except {@code keep}. */
  void endSessions(AccountId id, @Nullable String keep) {
    for (Object principal : sessions.getAllPrincipals()) {
      if (principal instanceof SignedInUser user && user.id().equals(id)) {
        sessions.getAllSessions(principal, false).stream()
            .filter(session -> !session.getSessionId().equals(keep))
            .forEach(SessionInformation::expireNow);
      }
    }
  }

  /** A person's own sign-in history, newest first. */
  @Transactional(readOnly = true)
  public Page<SignInRecord> signInHistory(AccountId id, int page, int size) {
    return attempts.findByAccountIdOrderByAtDesc(id.value(), PageRequest.of(page, size))
        .map(SignInAttempt::toRecord);
  }

  /** Checks the password policy and hashes; slow (Argon2), so call it outside transactions. */
  String hash(String password) {
    policy.check(password);
    return passwords.encode(password);
  }
}
