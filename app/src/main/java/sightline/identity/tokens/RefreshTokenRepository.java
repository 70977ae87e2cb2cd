package sightline.identity.tokens;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

  Optional<RefreshToken> findByTokenHash(String tokenHash);

  /**
   * Uses a token up, only if nobody else did first: the guarded UPDATE makes two concurrent refreshes with one
   * token end as one success and one reuse, never as two successors.
   *
   * @return 1 when this call used the token, 0 when it was already used
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update RefreshToken t set t.usedAt = :now where t.id = :id and t.usedAt is null")
  int markUsed(UUID id, Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
  int revokeFamily(UUID familyId, Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update RefreshToken t set t.revokedAt = :now where t.accountId = :accountId and t.revokedAt is null")
  int revokeAccount(UUID accountId, Instant now);
}
