package sightline.identity.code;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OneTimeCodeRepository extends JpaRepository<OneTimeCode, UUID> {

  /** The recipient's codes that were neither used nor superseded, newest first. */
  List<OneTimeCode> findByRecipientKeyAndUsedAtIsNullOrderByCreatedAtDesc(String recipientKey);
}
