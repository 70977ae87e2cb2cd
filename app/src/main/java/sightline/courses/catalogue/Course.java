package sightline.courses.catalogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.identity.AccountId;

/**
 * A course: its settings, its owner and co-teachers, and the code students join it with. The aggregate decides who
 * may change it; enrolments and sessions refer to it by id.
 */
@Entity
@Table(schema = "courses", name = "course")
public class Course {

  /** Letters and digits that cannot be mistaken for one another when read aloud or off a board (no 0/O, 1/I/L). */
  static final String JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int JOIN_CODE_LENGTH = 8;
  static final int MAX_GRACE_MINUTES = 240;

  @Id
  private UUID id;
  private String code;
  private String title;
  private String section;
  private UUID teacherId;
  private String joinCode;
  private int graceMinutes;
  private int warningPercent;
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(schema = "courses", name = "co_teacher", joinColumns = @JoinColumn(name = "course_id"))
  @Column(name = "teacher_id")
  private Set<UUID> coTeachers = new HashSet<>();

  @Version
  private long version;

  protected Course() {
    // for JPA
  }

  /** @throws CourseRejected when a setting breaks a rule */
  public Course(CourseId id, CourseSettings settings, AccountId teacher, String joinCode, Instant createdAt) {
    check(settings);
    if (!isJoinCode(joinCode)) {
      throw new IllegalArgumentException("not a join code: " + joinCode);
    }
    this.id = id.value();
    this.teacherId = teacher.value();
    this.joinCode = joinCode;
    this.createdAt = createdAt;
    apply(settings);
  }

  /** A fresh join code of {@value #JOIN_CODE_LENGTH} unambiguous characters (31^8, about 8.5e11 codes). */
  public static String newJoinCode(RandomGenerator random) {
    var code = new StringBuilder(JOIN_CODE_LENGTH);
    for (int i = 0; i < JOIN_CODE_LENGTH; i++) {
      code.append(JOIN_CODE_ALPHABET.charAt(random.nextInt(JOIN_CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  /** A join code as people type it: spaces and dashes dropped, upper case; may still be no code at all. */
  public static String normaliseJoinCode(String typed) {
    return typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  static boolean isJoinCode(String code) {
    return code.length() == JOIN_CODE_LENGTH && code.chars().allMatch(c -> JOIN_CODE_ALPHABET.indexOf(c) >= 0);
  }

  public CourseId id() {
    return new CourseId(id);
  }

  public AccountId teacher() {
    return new AccountId(teacherId);
  }

  public String joinCode() {
    return joinCode;
  }

  /** Owner, co-teachers and administrators change settings, rosters and sessions. */
  public boolean mayBeManagedBy(AccountId account, boolean admin) {
    return admin || teacherId.equals(account.value()) || coTeachers.contains(account.value());
  }

  /** Only the owner (or an administrator) deletes a course or changes who co-teaches it. */
  public boolean mayBeDeletedBy(AccountId account, boolean admin) {
    return admin || teacherId.equals(account.value());
  }

  /** @throws CourseRejected when a setting breaks a rule; nothing changes then */
  public void change(CourseSettings settings) {
    check(settings);
    apply(settings);
  }

  /** A new join code, e.g. after the old one was shared beyond the class. */
  public void replaceJoinCode(String joinCode) {
    if (!isJoinCode(joinCode)) {
      throw new IllegalArgumentException("not a join code: " + joinCode);
    }
    this.joinCode = joinCode;
  }

  /** Adds a co-teacher; the owner is never their own co-teacher. Returns whether anything changed. */
  public boolean addCoTeacher(AccountId teacher) {
    return !teacherId.equals(teacher.value()) && coTeachers.add(teacher.value());
  }

  public boolean removeCoTeacher(AccountId teacher) {
    return coTeachers.remove(teacher.value());
  }

  public CourseView view() {
    return new CourseView(id(), code, title, section, teacher(),
        coTeachers.stream().map(AccountId::new).collect(Collectors.toSet()), joinCode, graceMinutes, warningPercent);
  }

  private void apply(CourseSettings settings) {
    this.code = settings.code();
    this.title = settings.title();
    this.section = settings.section();
    this.graceMinutes = settings.graceMinutes();
    this.warningPercent = settings.warningPercent();
  }

  private static void check(CourseSettings settings) {
    if (settings.code().isEmpty() || settings.code().length() > 40) {
      throw new CourseRejected("code");
    }
    if (settings.title().isEmpty() || settings.title().length() > 200) {
      throw new CourseRejected("title");
    }
    if (settings.section().length() > 40) {
      throw new CourseRejected("section");
    }
    if (settings.graceMinutes() < 0 || settings.graceMinutes() > MAX_GRACE_MINUTES) {
      throw new CourseRejected("graceMinutes");
    }
    if (settings.warningPercent() < 0 || settings.warningPercent() > 100) {
      throw new CourseRejected("warningPercent");
    }
  }
}
