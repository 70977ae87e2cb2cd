package sightline.courses.teaching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.NotCourseTeacher;
import sightline.courses.Place;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.SessionPlan;
import sightline.courses.catalogue.SessionRejected;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.Times;

/**
 * Courses, co-teachers and class sessions for programs (a bearer API token, or a session with CSRF): teachers see and
 * change the courses they teach, students read the courses they attend, administrators all. Enrolments are in
 * {@code enrolment.EnrolmentApiController}.
 */
@RestController
@RequestMapping("/api/v1/courses")
@SecurityRequirement(name = "bearer")
@Tag(name = "Courses", description = "Courses, their co-teachers and class sessions (one, or a weekly series; a "
    + "place with a radius, or online). Teachers see only the courses they teach, students only the ones they "
    + "attend (without join code or co-teachers), administrators all.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not a teacher of the course (or, for reading, not of the school)",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CoursesApiController {

  /** A course's settings; section may be empty, graceMinutes 0..240, warningPercent 0..100 (0 = no warnings). */
  record CourseRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String title,
      @Nullable @Size(max = 40) String section,
      @Nullable @DecimalMin("0") @DecimalMax("240") Integer graceMinutes,
      @Nullable @DecimalMin("0") @DecimalMax("100") Integer warningPercent) {

    CourseSettings settings() {
      return new CourseSettings(code, title, section == null ? "" : section,
          graceMinutes == null ? CourseSettings.DEFAULT_GRACE_MINUTES : graceMinutes,
          warningPercent == null ? CourseSettings.DEFAULT_WARNING_PERCENT : warningPercent);
    }
  }

  /** A teacher's e-mail address. */
  record TeacherRequest(@NotBlank @Email @Size(max = 254) String email) {}

  /** A co-teacher. */
  record TeacherResponse(UUID id, String name, String email) {}

  /** Where a session meets: degrees on WGS-84 and a radius in metres (default 100). */
  record PlaceBody(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
      @Nullable @DecimalMin("1") @DecimalMax("10000") Integer radiusMetres) {

    Place place() {
      return new Place(latitude, longitude, radiusMetres == null ? Place.DEFAULT_RADIUS_METRES : radiusMetres);
    }

    static @Nullable PlaceBody of(@Nullable Place place) {
      return place == null ? null : new PlaceBody(place.latitude(), place.longitude(), place.radiusMetres());
    }
  }

  /**
   * A session to plan. With {@code repeatWeeklyUntil}, the same local time every week in {@code timeZone} (the
   * school's zone when absent) up to and including that date, at most 53 sessions.
   *
   * @param place null for an online session
   */
  record SessionRequest(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 100) String room,
      @NotNull Instant startsAt, @NotNull Instant endsAt, @Nullable LocalDate repeatWeeklyUntil,
      @Nullable @Size(max = 60) String timeZone, @Valid @Nullable PlaceBody place) {}

  /** A class session; {@code open} and {@code ended} are as of the answer. */
  record SessionResponse(UUID id, UUID courseId, String title, String room, Instant startsAt, Instant endsAt,
      @Nullable PlaceBody place, boolean online, @Nullable Instant openedAt, @Nullable Instant closedAt,
      Instant closesAt, boolean open, boolean ended) {}

  private final CoursesService courses;
  private final AccountDirectory accounts;
  private final Times times;
  private final java.time.Clock clock;

  CoursesApiController(CoursesService courses, AccountDirectory accounts, Times times, java.time.Clock clock) {
    this.courses = courses;
    this.accounts = accounts;
    this.times = times;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "The caller's courses", description = "Those one teaches and those one attends, by code; "
      + "every course for administrators.")
  List<CourseResponse> list(@AuthenticationPrincipal SignedInUser user) {
    Map<CourseId, CourseView> visible = new LinkedHashMap<>();
    List<CourseView> found = new ArrayList<>(user.has(Role.ADMIN) ? courses.everyCourse()
        : courses.coursesTaughtBy(user.id()));
    found.addAll(courses.coursesOf(user.id()));
    found.forEach(course -> visible.putIfAbsent(course.id(), course));
    return visible.values().stream().map(course -> response(course, user)).toList();
  }

  @PostMapping
  @Operation(summary = "Create a course", description = "Owned by the caller (a teacher or an administrator), with a "
      + "fresh join code; graceMinutes defaults to 10 and warningPercent to 75.")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "400", description = "A setting is missing or out of range",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The caller has a course with this code and section",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<CourseResponse> create(@AuthenticationPrincipal SignedInUser user,
      @Valid @RequestBody CourseRequest request) {
    CourseView course = courses.create(request.settings(), user.id());
    return ResponseEntity.created(URI.create("/api/v1/courses/" + course.id())).body(response(course, user));
  }

  @GetMapping("/{courseId}")
  @Operation(summary = "One course")
  @ApiResponse(responseCode = "404", description = "No such course that the caller teaches or attends",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  CourseResponse get(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    return response(courses.visibleTo(new CourseId(courseId), user.id()), user);
  }

  @PutMapping("/{courseId}")
  @Operation(summary = "Change a course's settings")
  @ApiResponse(responseCode = "409", description = "The owner has another course with this code and section",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  CourseResponse update(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @RequestBody CourseRequest request) {
    return response(courses.change(visible(courseId, user).id(), request.settings(), user.id()), user);
  }

  @DeleteMapping("/{courseId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a course", description = "With its sessions, enrolments and every record other "
      + "modules keep for its sessions (check-ins, attempts, engagement). Only the owner or an administrator.")
  void delete(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    courses.delete(visible(courseId, user).id(), user.id());
  }

  @PostMapping("/{courseId}/join-code")
  @Operation(summary = "Give the course a new join code", description = "The old code stops working.")
  CourseResponse replaceJoinCode(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    return response(courses.replaceJoinCode(visible(courseId, user).id(), user.id()), user);
  }

  @GetMapping("/{courseId}/co-teachers")
  @Operation(summary = "The course's co-teachers", description = "For its teachers and administrators.")
  List<TeacherResponse> coTeachers(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    return courses.coTeachers(managed(courseId, user)).stream()
        .map(t -> new TeacherResponse(t.id().value(), t.displayName(), t.email())).toList();
  }

  @PostMapping("/{courseId}/co-teachers")
  @Operation(summary = "Add a co-teacher by e-mail", description = "The account must be a teacher's. Co-teachers "
      + "manage the course like its owner, but only the owner (or an administrator) deletes it or changes "
      + "co-teachers.")
  @ApiResponse(responseCode = "404", description = "No teacher has this address, or no such course",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  CourseResponse addCoTeacher(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @RequestBody TeacherRequest request) {
    return response(courses.addCoTeacher(visible(courseId, user).id(), request.email(), user.id()), user);
  }

  @DeleteMapping("/{courseId}/co-teachers/{teacherId}")
  @Operation(summary = "Remove a co-teacher")
  CourseResponse removeCoTeacher(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable UUID teacherId) {
    return response(courses.removeCoTeacher(visible(courseId, user).id(), new AccountId(teacherId), user.id()),
        user);
  }

  @GetMapping("/{courseId}/sessions")
  @Operation(summary = "The course's sessions, by start")
  List<SessionResponse> sessions(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    Instant now = clock.instant();
    return courses.sessions(visible(courseId, user).id()).stream().map(s -> response(s, now)).toList();
  }

  @PostMapping("/{courseId}/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Plan a session or a weekly series", description = "Answers every session planned, by "
      + "start. A session lasts at most 12 hours.")
  @ApiResponse(responseCode = "400", description = "A field is missing or out of range, the end is not after the "
      + "start, the series ends before it starts or runs over a year, or the time zone is unknown",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  List<SessionResponse> plan(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @RequestBody SessionRequest request) {
    ZoneId zone;
    try {
      zone = request.timeZone() == null || request.timeZone().isBlank() ? times.zone()
          : ZoneId.of(request.timeZone().strip());
    } catch (DateTimeException unknown) {
      throw new SessionRejected("timeZone");
    }
    var plan = new SessionPlan(request.title(), request.room() == null ? "" : request.room(), request.startsAt(),
        request.endsAt(), request.place() == null ? null : request.place().place());
    Instant now = clock.instant();
    return courses.schedule(visible(courseId, user).id(), plan, request.repeatWeeklyUntil(), zone, user.id())
        .stream().map(s -> response(s, now)).toList();
  }

  @GetMapping("/sessions/{sessionId}")
  @Operation(summary = "One class session")
  @ApiResponse(responseCode = "404", description = "No such session of a course the caller teaches or attends",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  SessionResponse session(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId) {
    return response(courses.sessionVisibleTo(new ClassSessionId(sessionId), user.id()), clock.instant());
  }

  @DeleteMapping("/sessions/{sessionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a session", description = "With every record other modules keep for it.")
  void deleteSession(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId) {
    courses.deleteSession(courses.sessionVisibleTo(new ClassSessionId(sessionId), user.id()).id(), user.id());
  }

  @PostMapping("/sessions/{sessionId}/open")
  @Operation(summary = "Open a session for check-in before its start", description = "Nothing changes when it is "
      + "open already.")
  @ApiResponse(responseCode = "409", description = "The session has ended",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  SessionResponse open(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId) {
    ClassSessionView session = courses.sessionVisibleTo(new ClassSessionId(sessionId), user.id());
    return response(courses.openEarly(session.id(), user.id()), clock.instant());
  }

  @PostMapping("/sessions/{sessionId}/close")
  @Operation(summary = "Close a session's check-in now", description = "Before its start, this cancels it; nothing "
      + "changes when it has ended.")
  SessionResponse close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId) {
    ClassSessionView session = courses.sessionVisibleTo(new ClassSessionId(sessionId), user.id());
    return response(courses.close(session.id(), user.id()), clock.instant());
  }

  /** The course, when the caller may see it (a 404 otherwise, so that nobody learns which ids exist). */
  private CourseView visible(UUID courseId, SignedInUser user) {
    return courses.visibleTo(new CourseId(courseId), user.id());
  }

  private CourseView managed(UUID courseId, SignedInUser user) {
    CourseView course = visible(courseId, user);
    if (!courses.manages(course, user.id())) {
      throw new NotCourseTeacher(course.id());
    }
    return course;
  }

  private CourseResponse response(CourseView course, SignedInUser user) {
    return CourseResponse.of(course, accounts.find(course.teacher()).map(AccountView::displayName).orElse(""),
        courses.manages(course, user.id()));
  }

  private static SessionResponse response(ClassSessionView s, Instant now) {
    return new SessionResponse(s.id().value(), s.course().value(), s.title(), s.room(), s.startsAt(), s.endsAt(),
        PlaceBody.of(s.place()), s.isOnline(), s.openedAt(), s.closedAt(), s.closesAt(), s.isOpenAt(now),
        s.hasEndedAt(now));
  }
}
