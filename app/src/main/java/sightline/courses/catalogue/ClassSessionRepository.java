package sightline.courses.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClassSessionRepository extends JpaRepository<ClassSession, UUID> {

  List<ClassSession> findByCourseIdOrderByStartsAtAscIdAsc(UUID courseId);

  /** A superset of the sessions open at {@code now} (ClassSessionView.isOpenAt has the last word). */
  @Query("select s from ClassSession s where s.courseId in (select e.courseId from Enrolment e"
      + " where e.studentId = :student) and (s.startsAt <= :now or s.openedAt <= :now) and s.endsAt > :now"
      + " and (s.closedAt is null or s.closedAt > :now) order by s.startsAt, s.id")
  List<ClassSession> openFor(UUID student, Instant now);

  /** Sessions whose check-in stopped in [from, to): by the teacher's early close, or else at their end. */
  @Query("select s from ClassSession s where (s.closedAt is not null and s.closedAt < s.endsAt"
      + " and s.closedAt >= :from and s.closedAt < :to) or ((s.closedAt is null or s.closedAt >= s.endsAt)"
      + " and s.endsAt >= :from and s.endsAt < :to) order by s.endsAt, s.id")
  List<ClassSession> endedBetween(Instant from, Instant to);

  /** The database removes what other modules keep per session with it. */
  @Modifying
  @Query("delete from ClassSession s where s.id = :id")
  int deleteCascading(UUID id);
}
