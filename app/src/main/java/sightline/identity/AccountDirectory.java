package sightline.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;

/**
 * Finds and creates accounts: the one entry point other modules use for people, who appear to them as
 * {@link AccountView}s only. Implemented inside identity; thread-safe.
 */
public interface AccountDirectory {

  /** The account with this id, if any. */
  Optional<AccountView> find(AccountId id);

  /** The account with this e-mail address, in any case and ignoring surrounding spaces, if any. */
  Optional<AccountView> findByEmail(String email);

  /**
   * The account with this id.
   *
   * @throws AccountNotFound when no account has it
   */
  AccountView get(AccountId id);

  /** Accounts whose name or e-mail contains {@code text} (any case), by name; {@code page} is 0-based. */
  Page<AccountView> search(String text, int page, int size);

  /** Creates an account on the system's behalf (no administrator involved); see {@link #create(NewAccount,
   * AccountId)}. */
  AccountView create(NewAccount request);

  /**
   * Creates an account.
   *
   * @param actor the administrator creating it, or null when the system does (first administrator)
   * @throws EmailAlreadyUsed when another account has the e-mail address, in any case
   * @throws PasswordRejected when the password breaks the policy
   */
  AccountView create(NewAccount request, @Nullable AccountId actor);
}
