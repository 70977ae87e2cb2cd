package sightline.attendance.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffCheckInRepository extends JpaRepository<StaffCheckIn, UUID> {

  Optional<StaffCheckIn> findByTeacherIdAndOnDay(UUID teacherId, LocalDate onDay);

  boolean existsByTeacherIdAndOnDay(UUID teacherId, LocalDate onDay);

  List<StaffCheckIn> findByOnDayBetweenOrderByOnDayDescCheckedInAtAsc(LocalDate from, LocalDate to);
}
