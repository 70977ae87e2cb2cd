package sightline.identity.directory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Runs a short transaction again when it lost an optimistic-locking race on the account row, after a random pause
 * that grows with each attempt (so two writers that collided do not collide again in step).
 */
final class ConflictRetry {

  private ConflictRetry() {
  }

  /**
   * @param attempts how many times to run {@code work} at most
   * @throws ObjectOptimisticLockingFailureException the last conflict, when every attempt met one
   */
  static <T> T run(int attempts, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (ObjectOptimisticLockingFailureException e) {
        if (attempt >= attempts) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
