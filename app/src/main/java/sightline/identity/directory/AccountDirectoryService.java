package sightline.identity.directory;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.CredentialsRevoked;
import sightline.identity.EmailAlreadyUsed;
import sightline.identity.NewAccount;
import sightline.identity.PasswordRejected;
import sightline.identity.Role;

/**
 * The account directory: creates and finds accounts ({@link AccountDirectory}, what other modules use), and, for
 * identity itself, self-registration and passwords (policy, hashing, change).
 */
@Service
public class AccountDirectoryService implements AccountDirectory {

  private final AccountRepository accounts;
  private final AccountAdministration administration;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final PasswordPolicy policy;
  private final BrowserSessions sessions;
  private final TransactionOperations transactions;
  private final ApplicationEventPublisher events;

  AccountDirectoryService(AccountRepository accounts, AccountAdministration administration, PasswordEncoder passwords,
      Clock clock, PasswordPolicy policy, BrowserSessions sessions, TransactionOperations transactions,
      ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.administration = administration;
    this.passwords = passwords;
    this.clock = clock;
    this.policy = policy;
    this.sessions = sessions;
    this.transactions = transactions;
    this.events = events;
  }

  @Override
  @Transactional
  public AccountView create(NewAccount request) {
    return create(request, null);
  }

  @Override
  @Transactional
  public AccountView create(NewAccount request, @Nullable AccountId actor) {
    Account saved = accounts.save(newAccount(request));
    administration.record(actor, saved.id(), AdminAction.Kind.CREATED, "roles " + saved.roles());
    return saved.view();
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
    var account = newAccount(new NewAccount(email, displayName, Set.of(Role.STUDENT), null, password));
    if (needsApproval) {
      account.awaitApproval();
    }
    return accounts.save(account).view();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<AccountView> find(AccountId id) {
    return accounts.findById(id.value()).map(Account::view);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<AccountView> findByEmail(String email) {
    return accounts.findByEmailKey(Account.emailKey(email)).map(Account::view);
  }

  @Override
  @Transactional(readOnly = true)
  public AccountView get(AccountId id) {
    return accounts.load(id).view();
  }

  @Override
  @Transactional(readOnly = true)
  public Page<AccountView> search(String text, int page, int size) {
    return accounts.search(text.strip().toLowerCase(Locale.ROOT),
        PageRequest.of(page, size, Sort.by("displayName"))).map(Account::view);
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
    Account account = transactions.execute(tx -> accounts.load(id));
    String hash = account.passwordHash();
    if (hash == null || !passwords.matches(currentPassword, hash)) {
      return false;
    }
    String newHash = hash(newPassword); // Argon2 outside the transaction
    transactions.executeWithoutResult(tx -> {
      accounts.load(id).setPasswordHash(newHash);
      events.publishEvent(new CredentialsRevoked(id));
    });
    sessions.end(id, currentSession);
    return true;
  }

  /**
   * Whether {@code password} is the account's password, for confirming a sensitive change by someone already signed
   * in (e.g. turning off their second factor). Slow (Argon2) and not rate-limited here: callers limit it.
   */
  public boolean passwordMatches(AccountId id, String password) {
    String hash = transactions.execute(tx -> accounts.load(id)).passwordHash();
    return hash != null && passwords.matches(password, hash);
  }

  /** Checks the password policy and hashes; slow (Argon2), so call it outside transactions. */
  public String hash(String password) {
    policy.check(password);
    return passwords.encode(password);
  }
}
