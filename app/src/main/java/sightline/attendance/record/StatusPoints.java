package sightline.attendance.record;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import sightline.courses.CourseId;

/** A course's own points per status; a course without a row uses the defaults. */
@Entity
@Table(schema = "attendance", name = "status_points")
class StatusPoints {

  @Id
  private UUID courseId;
  private int present;
  private int late;
  private int excused;
  private int absent;

  protected StatusPoints() {
    // for JPA
  }

  StatusPoints(CourseId course) {
    this.courseId = course.value();
  }

  void change(StatusPointsView points) {
    this.present = points.present();
    this.late = points.late();
    this.excused = points.excused();
    this.absent = points.absent();
  }

  StatusPointsView view() {
    return new StatusPointsView(new CourseId(courseId), present, late, excused, absent);
  }
}
