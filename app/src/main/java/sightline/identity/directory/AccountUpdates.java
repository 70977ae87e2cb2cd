package sightline.identity.directory;

import java.util.function.Consumer;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;

/**
 * Changes that sign-ins make to an account row (failure count, lockout, last sign-in). Sign-ins of one account race
 * each other, so each change is applied to the fresh row in a short transaction of its own, with one retry when a
 * concurrent sign-in committed first (the row is optimistically locked). Never run while hashing a password.
 */
@Component
public class AccountUpdates {

  private final AccountRepository accounts;
  private final TransactionOperations transactions;

  AccountUpdates(AccountRepository accounts, TransactionOperations transactions) {
    this.accounts = accounts;
    this.transactions = transactions;
  }

  /** Applies {@code change} to the account's current row; nothing when the account is gone. */
  public void apply(AccountId account, Consumer<Account> change) {
    for (int attempt = 0; ; attempt++) {
      try {
        transactions.executeWithoutResult(tx -> accounts.findById(account.value()).ifPresent(change));
        return;
      } catch (ObjectOptimisticLockingFailureException e) {
        if (attempt > 0) {
          throw e;
        }
      }
    }
  }
}
