package sightline.biometrics.enrolment;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import sightline.identity.AccountId;

/**
 * One lock per person (striped: 64 locks shared by hash), held around "commit, then update the in-memory index" and
 * the pending frames of a camera enrolment, so that an enrolment and a deletion of the same person cannot
 * interleave and leave the index holding templates the database no longer has. Reentrant; one server.
 */
public final class PersonLocks {

  private final ReentrantLock[] stripes = new ReentrantLock[64];

  public PersonLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Runs {@code work} holding the person's lock and answers its result. */
  public <T> T underLock(AccountId person, Supplier<T> work) {
    ReentrantLock lock = stripes[Math.floorMod(person.hashCode(), stripes.length)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
