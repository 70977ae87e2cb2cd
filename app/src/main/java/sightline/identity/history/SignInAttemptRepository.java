package sightline.identity.history;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import sightline.identity.SignInOutcome;

interface SignInAttemptRepository extends JpaRepository<SignInAttempt, UUID>,
    JpaSpecificationExecutor<SignInAttempt> {

  Page<SignInAttempt> findByAccountIdOrderByAtDesc(UUID accountId, Pageable page);

  /** Attempts since an instant whose outcome is none of {@code outcomes}, newest first. */
  Page<SignInAttempt> findByAtGreaterThanEqualAndOutcomeNotInOrderByAtDesc(Instant since,
      Collection<SignInOutcome> outcomes, Pageable page);

  /** The attempts a filter selects; parts left null select everything. */
  static Specification<SignInAttempt> matching(SignInFilter filter) {
    return (root, query, cb) -> {
      var parts = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
      if (filter.identifier() != null && !filter.identifier().isBlank()) {
        parts.add(cb.like(cb.lower(root.get("identifier")),
            "%" + filter.identifier().strip().toLowerCase(java.util.Locale.ROOT) + "%"));
      }
      if (filter.outcome() != null) {
        parts.add(cb.equal(root.get("outcome"), filter.outcome()));
      }
      if (filter.method() != null) {
        parts.add(cb.equal(root.get("method"), filter.method()));
      }
      if (filter.from() != null) {
        parts.add(cb.greaterThanOrEqualTo(root.get("at"), filter.from()));
      }
      if (filter.to() != null) {
        parts.add(cb.lessThan(root.get("at"), filter.to()));
      }
      return cb.and(parts.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }
}
