package sightline.identity;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, finds and administers accounts. The one entry point other modules use for people. */
@Service
public class AccountDirectory {

  private final AccountRepository accounts;
  private final SignInAttemptRepository attempts;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final int minPasswordLength;

  AccountDirectory(AccountRepository accounts, SignInAttemptRepository attempts, PasswordEncoder passwords,
      Clock clock, @Value("${sightline.identity.password.min-length:12}") int minPasswordLength) {
    this.accounts = accounts;
    this.attempts = attempts;
    this.passwords = passwords;
    this.clock = clock;
    this.minPasswordLength = minPasswordLength;
  }

  /**
   * Creates an account.
   *
   * @throws EmailAlreadyUsed when another account has the e-mail address, in any case
   * @throws PasswordRejected when the password breaks the policy
   */
  @Transactional
  public AccountView create(NewAccount request) {
    if (accounts.existsByEmailKey(Account.emailKey(request.email()))) {
      throw new EmailAlreadyUsed(request.email());
    }
    var account = new Account(request.email(), request.displayName(), request.roles(), request.department(),
        clock.instant());
    if (request.password() != null) {
      account.setPasswordHash(hash(request.password()));
    }
    return AccountView.of(accounts.save(account));
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

  /** A person's own sign-in history, newest first. */
  @Transactional(readOnly = true)
  public Page<SignInRecord> signInHistory(AccountId id, int page, int size) {
    return attempts.findByAccountIdOrderByAtDesc(id.value(), PageRequest.of(page, size))
        .map(SignInAttempt::toRecord);
  }

  /** Everyone's sign-in attempts, newest first, including those that matched no account. */
  @Transactional(readOnly = true)
  public Page<SignInRecord> allSignIns(int page, int size) {
    return attempts.findAllByOrderByAtDesc(PageRequest.of(page, size)).map(SignInAttempt::toRecord);
  }

  /** Checks the password policy and hashes; slow (Argon2), so call it outside transactions. */
  String hash(String password) {
    if (password.codePointCount(0, password.length()) < minPasswordLength) {
      throw new PasswordRejected(minPasswordLength);
    }
    return passwords.encode(password);
  }
}
