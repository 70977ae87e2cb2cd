package sightline.courses.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.identity.AccountId;

class CourseTests {

  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private final AccountId owner = AccountId.random();
  private final AccountId colleague = AccountId.random();
  private final AccountId stranger = AccountId.random();

  private Course course() {
    return new Course(CourseId.random(), CourseSettings.of(" BIO-101 ", " Biology ", " A "), owner, "ABCD2345", NOW);
  }

  @Test
  void aNewCourseHasTheDefaultsAndTrimmedSettings() {
    CourseView view = course().view();

    assertThat(view.code()).isEqualTo("BIO-101");
    assertThat(view.title()).isEqualTo("Biology");
    assertThat(view.section()).isEqualTo("A");
    assertThat(view.graceMinutes()).isEqualTo(10);
    assertThat(view.warningPercent()).isEqualTo(75);
    assertThat(view.label()).isEqualTo("BIO-101 (A) Biology");
    assertThat(view.teacher()).isEqualTo(owner);
  }

  @Test
  void coTeachersManageButOnlyTheOwnerOrAnAdministratorDeletes() {
    Course course = course();
    assertThat(course.addCoTeacher(colleague)).isTrue();
    assertThat(course.addCoTeacher(colleague)).isFalse();

    assertThat(course.mayBeManagedBy(owner, false)).isTrue();
    assertThat(course.mayBeManagedBy(colleague, false)).isTrue();
    assertThat(course.mayBeManagedBy(stranger, false)).isFalse();
    assertThat(course.mayBeManagedBy(stranger, true)).isTrue();
    assertThat(course.mayBeDeletedBy(owner, false)).isTrue();
    assertThat(course.mayBeDeletedBy(colleague, false)).isFalse();
    assertThat(course.mayBeDeletedBy(stranger, true)).isTrue();

    assertThat(course.removeCoTeacher(colleague)).isTrue();
    assertThat(course.mayBeManagedBy(colleague, false)).isFalse();
  }

  @Test
  void theOwnerIsNeverTheirOwnCoTeacher() {
    Course course = course();

    assertThat(course.addCoTeacher(owner)).isFalse();
    assertThat(course.view().coTeachers()).isEmpty();
  }

  @Test
  void refusesSettingsThatBreakARuleAndKeepsTheOldOnes() {
    Course course = course();

    assertThatThrownBy(() -> course.change(new CourseSettings(" ", "Biology", "", 10, 75)))
        .isInstanceOfSatisfying(CourseRejected.class, e -> assertThat(e.field()).isEqualTo("code"));
    assertThatThrownBy(() -> course.change(new CourseSettings("B", "x".repeat(201), "", 10, 75)))
        .isInstanceOfSatisfying(CourseRejected.class, e -> assertThat(e.field()).isEqualTo("title"));
    assertThatThrownBy(() -> course.change(new CourseSettings("B", "Bio", "", 241, 75)))
        .isInstanceOfSatisfying(CourseRejected.class, e -> assertThat(e.field()).isEqualTo("graceMinutes"));
    assertThatThrownBy(() -> course.change(new CourseSettings("B", "Bio", "", -1, 75)))
        .isInstanceOfSatisfying(CourseRejected.class, e -> assertThat(e.field()).isEqualTo("graceMinutes"));
    assertThatThrownBy(() -> course.change(new CourseSettings("B", "Bio", "", 10, 101)))
        .isInstanceOfSatisfying(CourseRejected.class, e -> assertThat(e.field()).isEqualTo("warningPercent"));
    assertThat(course.view().code()).isEqualTo("BIO-101");

    course.change(new CourseSettings("BIO-102", "Biology II", "", 0, 0));
    assertThat(course.view().graceMinutes()).isZero();
    assertThat(course.view().section()).isEmpty();
  }

  @Test
  void joinCodesAreEightUnambiguousCharacters() {
    var random = new Random(7);
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = Course.newJoinCode(random);
      assertThat(code).hasSize(8).doesNotContain("0", "O", "1", "I", "L").matches("[A-Z2-9]{8}");
      assertThat(Course.isJoinCode(code)).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(1000);
  }

  @Test
  void joinCodesAreReadAsPeopleTypeThem() {
    assertThat(Course.normaliseJoinCode(" abcd-2345 ")).isEqualTo("ABCD2345");
    assertThat(Course.isJoinCode("ABCD-2345")).isFalse();
    assertThatThrownBy(() -> course().replaceJoinCode("ABCD0000")).isInstanceOf(IllegalArgumentException.class);
  }
}
