package sightline.identity.history;

import java.time.Instant;
import java.util.EnumSet;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.identity.AccountId;
import sightline.identity.SignInOutcome;

/** Reads the sign-in history that {@link SignInRecorder} writes: one person's, or everyone's through a filter. */
@Service
public class SignInHistory {

  private final SignInAttemptRepository attempts;

  SignInHistory(SignInAttemptRepository attempts) {
    this.attempts = attempts;
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

  /**
   * The latest refused sign-ins since {@code since}, newest first, at most {@code limit}, with their number in all:
   * every outcome but a success and the first step of a two-step sign-in.
   */
  @Transactional(readOnly = true)
  public Page<SignInRecord> refusedSince(Instant since, int limit) {
    return attempts.findByAtGreaterThanEqualAndOutcomeNotInOrderByAtDesc(since,
        EnumSet.of(SignInOutcome.SUCCESS, SignInOutcome.SECOND_FACTOR_REQUIRED), PageRequest.of(0, limit))
        .map(SignInAttempt::toRecord);
  }

  /** A person's own sign-in history, newest first. */
  @Transactional(readOnly = true)
  public Page<SignInRecord> of(AccountId id, int page, int size) {
    return attempts.findByAccountIdOrderByAtDesc(id.value(), PageRequest.of(page, size))
        .map(SignInAttempt::toRecord);
  }
}
