package sightline.attendance.record;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionRepository extends JpaRepository<Correction, UUID> {

  List<Correction> findByCheckInIdInOrderByAt(Collection<UUID> checkInIds);
}
