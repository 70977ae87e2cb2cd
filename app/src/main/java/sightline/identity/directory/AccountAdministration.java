package sightline.identity.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.identity.AccountNotFound;
import sightline.identity.AccountView;
import sightline.identity.CredentialsRevoked;
import sightline.identity.Role;

/**
 * What administrators do to accounts (approve, edit, disable, enable, unlock), each written to the administrator
 * action log ({@code identity.admin_action}) in the same transaction, and that log itself. An action that meets a
 * concurrent sign-in of the same account is applied again to the fresh row.
 */
@Service
public class AccountAdministration {

  private final AccountRepository accounts;
  private final AdminActionRepository actions;
  private final BrowserSessions sessions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionOperations transactions;

  private static final int ATTEMPTS = 5;

  AccountAdministration(AccountRepository accounts, AdminActionRepository actions, BrowserSessions sessions,
      ApplicationEventPublisher events, Clock clock, TransactionOperations transactions) {
    this.transactions = transactions;
    this.accounts = accounts;
    this.actions = actions;
    this.sessions = sessions;
    this.events = events;
    this.clock = clock;
  }

  /** Lets a self-registered account sign in. */
  public AccountView approve(AccountId id, AccountId actor) {
    return change(() -> {
      Account account = accounts.loadForUpdate(id);
      account.approve();
      record(actor, id, AdminAction.Kind.APPROVED, null);
      return account.view();
    });
  }

  /**
   * Changes name, department and roles.
   *
   * @throws AccountNotFound when no account has the id
   * @throws SelfLockoutRefused when an administrator would drop their own ADMIN role
   */
  public AccountView update(AccountId id, AccountChanges changes, AccountId actor) {
    return change(() -> {
      Account account = accounts.loadForUpdate(id);
      if (id.equals(actor) && account.roles().contains(Role.ADMIN) && !changes.roles().contains(Role.ADMIN)) {
        throw new SelfLockoutRefused();
      }
      var before = account.roles();
      account.rename(changes.displayName(), changes.department());
      record(actor, id, AdminAction.Kind.UPDATED, null);
      if (!before.equals(changes.roles())) {
        account.changeRoles(changes.roles());
        record(actor, id, AdminAction.Kind.ROLES_CHANGED, before + " -> " + account.roles());
      }
      return account.view();
    });
  }

  /** Stops the account from signing in and ends its sessions and API tokens; refuses one's own account. */
  public AccountView disable(AccountId id, AccountId actor) {
    if (id.equals(actor)) {
      throw new SelfLockoutRefused();
    }
    AccountView disabled = change(() -> {
      Account account = accounts.loadForUpdate(id);
      account.disable();
      record(actor, id, AdminAction.Kind.DISABLED, null);
      events.publishEvent(new CredentialsRevoked(id));
      return account.view();
    });
    sessions.end(id, null);
    return disabled;
  }

  public AccountView enable(AccountId id, AccountId actor) {
    return change(() -> {
      Account account = accounts.loadForUpdate(id);
      account.enable();
      record(actor, id, AdminAction.Kind.ENABLED, null);
      return account.view();
    });
  }

  /** Lifts a temporary or permanent lockout. */
  public AccountView unlock(AccountId id, AccountId actor) {
    return change(() -> {
      Account account = accounts.loadForUpdate(id);
      account.unlock();
      record(actor, id, AdminAction.Kind.UNLOCKED, null);
      return account.view();
    });
  }

  /**
   * Runs one administrator action in a transaction of its own, on the account's current row, locked for update:
   * its owner's sign-ins write the row too (failure count, last sign-in) and wait for the edit, or it for them. A
   * writer that does not lock (a password change, say) may still change the row between the read and the write;
   * then the optimistic lock fails the edit and it is simply applied again to the fresh row (the administrator
   * changed other columns, and nothing was shown to them that the other writer changed). After {@link #ATTEMPTS}
   * conflicts in a row it gives up with {@link AccountChangedMeanwhile}.
   */
  private AccountView change(Supplier<AccountView> action) {
    try {
      return ConflictRetry.run(ATTEMPTS, () -> transactions.execute(tx -> action.get()));
    } catch (ObjectOptimisticLockingFailureException e) {
      throw new AccountChangedMeanwhile();
    }
  }

  /** Which accounts a list shows. */
  public enum Show { ALL, AWAITING_APPROVAL, LOCKED }

  /**
   * Accounts as administrators list them, with their locks, by name: those matching {@code text} (name or e-mail,
   * any case; blank for all), or those awaiting approval or locked now; {@code page} is 0-based.
   */
  @Transactional(readOnly = true)
  public Page<AccountState> list(Show show, String text, int page, int size) {
    Instant now = clock.instant();
    var request = PageRequest.of(page, size, Sort.by("displayName", "emailKey"));
    Page<Account> found = switch (show) {
      case ALL -> accounts.search(text.strip().toLowerCase(Locale.ROOT), request);
      case AWAITING_APPROVAL -> accounts.findAwaitingApproval(request);
      case LOCKED -> accounts.findLocked(now, request);
    };
    return found.map(account -> account.stateAt(now));
  }

  /**
   * One account with its lock.
   *
   * @throws AccountNotFound when no account has the id
   */
  @Transactional(readOnly = true)
  public AccountState state(AccountId id) {
    return accounts.load(id).stateAt(clock.instant());
  }

  /** The latest administrator actions on an account, newest first. */
  @Transactional(readOnly = true)
  public List<AdminActionRecord> adminActions(AccountId id) {
    return actions.findTop50ByAccountIdOrderByAtDesc(id.value()).stream().map(AdminAction::toRecord).toList();
  }

  /**
   * Writes one administrator action in the caller's transaction, so it commits or fails with the change itself.
   *
   * @param actor who did it; null when the system did
   * @param account the account acted on; null for a setting that concerns no single account
   */
  @Transactional
  public void record(@Nullable AccountId actor, @Nullable AccountId account, AdminAction.Kind kind,
      @Nullable String detail) {
    actions.save(new AdminAction(actor, account, kind, detail, clock.instant()));
  }
}
