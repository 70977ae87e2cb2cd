package sightline.diagnosis.diagnose;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DisclaimerSeenRepository extends JpaRepository<DisclaimerSeen, UUID> {

  /**
   * Records a confirmation unless there is one: a double click sends two at once, and check-then-insert would let
   * both insert. PostgreSQL syntax, which H2 understands in its PostgreSQL mode.
   */
  @Modifying
  @Query(value = "INSERT INTO diagnosis.disclaimer_seen (account_id, seen_at) VALUES (:account, :at)"
      + " ON CONFLICT DO NOTHING", nativeQuery = true)
  int insertIfAbsent(@Param("account") UUID account, @Param("at") Instant at);
}
