package sightline.courses.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CourseRepository extends JpaRepository<Course, UUID> {

  Optional<Course> findByJoinCode(String joinCode);

  boolean existsByJoinCode(String joinCode);

  @Query("select count(c) > 0 from Course c where c.code = :code and c.section = :section and c.teacherId = :teacher"
      + " and c.id <> :except")
  boolean existsOther(String code, String section, UUID teacher, UUID except);

  @Query("select distinct c from Course c left join c.coTeachers t where c.teacherId = :teacher or t = :teacher"
      + " order by c.code, c.section, c.title")
  List<Course> taughtBy(UUID teacher);

  @Query("select c from Course c where c.id in (select e.courseId from Enrolment e where e.studentId = :student)"
      + " order by c.code, c.section, c.title")
  List<Course> attendedBy(UUID student);

  @Query("select c from Course c order by c.code, c.section, c.title")
  List<Course> everyCourse();

  /** The database removes co-teachers, enrolments, sessions and what other modules keep per session with it. */
  @Modifying
  @Query("delete from Course c where c.id = :id")
  int deleteCascading(UUID id);
}
