package sightline.identity.directory;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdminActionRepository extends JpaRepository<AdminAction, UUID> {

  List<AdminAction> findTop50ByAccountIdOrderByAtDesc(UUID accountId);
}
