package sightline.attendance.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A course's own points per status, once its teacher changed the defaults. */
@Entity
@Table(schema = "attendance", name = "status_points")
class CourseStatusPoints {

  @Id
  @Column(name = "course_id")
  private UUID courseId;
  private int present;
  private int late;
  private int excused;
  private int absent;

  protected CourseStatusPoints() {}

  CourseStatusPoints(UUID courseId, StatusPoints points) {
    this.courseId = courseId;
    change(points);
  }

  void change(StatusPoints points) {
    present = points.present();
    late = points.late();
    excused = points.excused();
    absent = points.absent();
  }

  StatusPoints points() {
    return new StatusPoints(present, late, excused, absent);
  }
}
