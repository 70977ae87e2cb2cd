package sightline.courses;

import java.util.Set;
import sightline.identity.AccountId;

/**
 * A course as other modules see it.
 *
 * @param id             the course
 * @param code           the school's course code, e.g. "BIO-101"
 * @param title          its title
 * @param section        its section ("" when the school has none); code + section + teacher are unique
 * @param teacher        the teacher who owns it
 * @param coTeachers     teachers who run it with the owner (same rights, except deleting the course)
 * @param joinCode       the code students type to enrol themselves
 * @param graceMinutes   a check-in this many minutes after a session's start or later counts as Late
 * @param warningPercent a student whose attendance falls below this percentage is warned by e-mail (0 = never)
 */
public record CourseView(CourseId id, String code, String title, String section, AccountId teacher,
    Set<AccountId> coTeachers, String joinCode, int graceMinutes, int warningPercent) {

  public CourseView {
    coTeachers = Set.copyOf(coTeachers);
  }

  /** Whether {@code account} owns or co-teaches this course. */
  public boolean taughtBy(AccountId account) {
    return teacher.equals(account) || coTeachers.contains(account);
  }

  /** "BIO-101 (A) Biology" or "BIO-101 Biology". */
  public String label() {
    return section.isEmpty() ? code + " " + title : code + " (" + section + ") " + title;
  }
}
