package sightline.identity.directory;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;

/**
 * Changes that sign-ins make to an account row (failure count, lockout, last sign-in). Sign-ins of one account race
 * each other and administrators' edits, so each change is applied to the fresh row, locked for update, in a short
 * transaction of its own; writers that do not lock the row can still change it between the read and the write
 * (the row is also optimistically locked), and then the change is applied again ({@link ConflictRetry}), up to 5
 * times. Never run
 * while hashing a password.
 */
@Component
public class AccountUpdates {

  private static final int ATTEMPTS = 5;

  private final AccountRepository accounts;
  private final TransactionOperations transactions;

  AccountUpdates(AccountRepository accounts, TransactionOperations transactions) {
    this.accounts = accounts;
    this.transactions = transactions;
  }

  /** Applies {@code change} to the account's current row; nothing when the account is gone. */
  public void apply(AccountId account, Consumer<Account> change) {
    ConflictRetry.run(ATTEMPTS, () -> {
      transactions.executeWithoutResult(tx -> accounts.findLockedById(account.value()).ifPresent(change));
      return null;
    });
  }
}
