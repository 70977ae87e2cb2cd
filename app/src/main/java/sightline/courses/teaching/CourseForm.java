package sightline.courses.teaching;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CourseSettings;

/** A course's settings as the page and the API send them. */
record CourseForm(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String title,
    @Nullable @Size(max = 40) String section,
    @NotNull @DecimalMin("0") @DecimalMax("240") Integer graceMinutes,
    @NotNull @DecimalMin("0") @DecimalMax("100") Integer warningPercent) {

  static CourseForm empty() {
    return new CourseForm("", "", "", CourseSettings.DEFAULT_GRACE_MINUTES, CourseSettings.DEFAULT_WARNING_PERCENT);
  }

  static CourseForm of(CourseView course) {
    return new CourseForm(course.code(), course.title(), course.section(), course.graceMinutes(),
        course.warningPercent());
  }

  CourseSettings settings() {
    return new CourseSettings(code, title, section == null ? "" : section, graceMinutes, warningPercent);
  }
}
