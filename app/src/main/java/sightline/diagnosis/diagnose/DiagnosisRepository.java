package sightline.diagnosis.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DiagnosisRepository extends JpaRepository<Diagnosis, UUID> {

  Optional<Diagnosis> findByIdAndAccountId(UUID id, UUID accountId);

  Page<Diagnosis> findByAccountIdOrderByCreatedAtDescIdDesc(UUID accountId, Pageable page);

  long countByAccountId(UUID accountId);

  /** The database removes the predictions and the picture with the row (ON DELETE CASCADE). */
  @Modifying
  @Query("delete from Diagnosis d where d.id = :id and d.accountId = :accountId")
  int deleteOwned(UUID id, UUID accountId);

  @Modifying
  @Query("delete from Diagnosis d where d.accountId = :accountId")
  int deleteAllOwned(UUID accountId);

  /** The diagnoses with feedback, oldest first, for the labelled dataset. */
  @Query("select d.id from Diagnosis d where d.feedbackAt is not null order by d.feedbackAt, d.id")
  List<UUID> idsWithFeedback();
}
