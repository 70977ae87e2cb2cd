package sightline.identity.directory;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import sightline.identity.AccountId;
import sightline.identity.AccountNotFound;

public interface AccountRepository extends JpaRepository<Account, UUID> {

  /**
   * The account with this id.
   *
   * @throws AccountNotFound when there is none
   */
  default Account load(AccountId id) {
    return findById(id.value()).orElseThrow(() -> new AccountNotFound(id));
  }

  /**
   * The account with this id, its row locked until the transaction ends ({@code SELECT … FOR UPDATE}): for the
   * short read-change-write transactions that sign-ins and administrators run on one account, which then wait for
   * each other instead of failing on the optimistic lock.
   *
   * @throws AccountNotFound when there is none
   */
  default Account loadForUpdate(AccountId id) {
    return findLockedById(id.value()).orElseThrow(() -> new AccountNotFound(id));
  }

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Account a where a.id = :id")
  Optional<Account> findLockedById(UUID id);

  Optional<Account> findByEmailKey(String emailKey);

  boolean existsByEmailKey(String emailKey);

  Optional<Account> findByPhone(String phone);

  @Query("select count(a) > 0 from Account a join a.roles r where r = sightline.identity.Role.ADMIN")
  boolean existsAdmin();

  @Query("""
      select a from Account a
      where lower(a.displayName) like concat('%', :text, '%') or a.emailKey like concat('%', :text, '%')
      """)
  Page<Account> search(String text, Pageable page);

  @Query("select a from Account a where a.awaitingApproval = true")
  Page<Account> findAwaitingApproval(Pageable page);

  /** Accounts locked at {@code now}, temporarily or for good. */
  @Query("""
      select a from Account a
      where a.status = sightline.identity.AccountStatus.LOCKED or a.lockedUntil > :now
      """)
  Page<Account> findLocked(Instant now, Pageable page);
}
