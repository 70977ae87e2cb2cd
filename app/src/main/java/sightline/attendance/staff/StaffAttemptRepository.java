package sightline.attendance.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffAttemptRepository extends JpaRepository<StaffAttempt, UUID> {

  List<StaffAttempt> findByTeacherIdAndOnDayOrderByAtDesc(UUID teacherId, LocalDate onDay);

  List<StaffAttempt> findByOnDayBetweenOrderByOnDayDescAtDesc(LocalDate from, LocalDate to);
}
