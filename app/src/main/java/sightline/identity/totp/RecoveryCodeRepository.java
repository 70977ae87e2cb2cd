package sightline.identity.totp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, UUID> {

  Optional<RecoveryCode> findByAccountIdAndCodeHash(UUID accountId, String codeHash);

  long countByAccountIdAndUsedAtIsNull(UUID accountId);

  List<RecoveryCode> findByAccountId(UUID accountId);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from RecoveryCode c where c.accountId = :accountId")
  void deleteByAccount(UUID accountId);
}
