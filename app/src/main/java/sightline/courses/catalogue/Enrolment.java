package sightline.courses.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/** A student on a course's roster. */
@Entity
@Table(schema = "courses", name = "enrolment")
@IdClass(Enrolment.Key.class)
class Enrolment {

  record Key(UUID courseId, UUID studentId) implements Serializable {
    Key() {
      this(new UUID(0, 0), new UUID(0, 0));
    }
  }

  @Id
  private UUID courseId;
  @Id
  private UUID studentId;
  private Instant enrolledAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private EnrolmentSource source;

  protected Enrolment() {
    // for JPA
  }

  Enrolment(CourseId course, AccountId student, EnrolmentSource source, Instant at) {
    this.courseId = course.value();
    this.studentId = student.value();
    this.source = source;
    this.enrolledAt = at;
  }

  AccountId student() {
    return new AccountId(studentId);
  }

  Instant enrolledAt() {
    return enrolledAt;
  }

  EnrolmentSource source() {
    return source;
  }
}
