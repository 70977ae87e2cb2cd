package sightline.attendance.record;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CheckInRepository extends JpaRepository<CheckIn, UUID> {

  Optional<CheckIn> findBySessionIdAndStudentId(UUID sessionId, UUID studentId);

  boolean existsBySessionIdAndStudentId(UUID sessionId, UUID studentId);

  List<CheckIn> findBySessionIdOrderByRecordedAt(UUID sessionId);

  List<CheckIn> findByCourseIdOrderByRecordedAt(UUID courseId);

  List<CheckIn> findByCourseIdInAndStudentIdOrderByRecordedAtDesc(Collection<UUID> courseIds, UUID studentId);

  List<CheckIn> findByStudentIdOrderByRecordedAtDesc(UUID studentId);
}
