package sightline.courses.catalogue;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentRepository extends JpaRepository<Enrolment, Enrolment.Key> {

  boolean existsByCourseIdAndStudentId(UUID courseId, UUID studentId);

  List<Enrolment> findByCourseIdOrderByEnrolledAtAscStudentIdAsc(UUID courseId);

  @Query("select e.studentId from Enrolment e where e.courseId = :courseId")
  List<UUID> studentsOf(UUID courseId);

  @Modifying
  @Query("delete from Enrolment e where e.courseId = :courseId and e.studentId = :studentId")
  int deleteOne(UUID courseId, UUID studentId);
}
