package sightline.attendance.record;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttemptRepository extends JpaRepository<Attempt, UUID> {

  List<Attempt> findBySessionIdOrderByAtDesc(UUID sessionId, Limit limit);

  List<Attempt> findByStudentIdOrderByAtDesc(UUID studentId, Limit limit);

  List<Attempt> findBySessionIdAndStudentIdOrderByAtDesc(UUID sessionId, UUID studentId, Limit limit);
}
