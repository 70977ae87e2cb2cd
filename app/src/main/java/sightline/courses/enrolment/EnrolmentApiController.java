package sightline.courses.enrolment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.NotCourseTeacher;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.RosterEntry;
import sightline.courses.teaching.CourseResponse;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;

/**
 * Rosters for programs: a course's teachers list, add and remove students and import a CSV (with a dry run that
 * answers each row's problems); students join a course with its code.
 */
@RestController
@RequestMapping("/api/v1/courses")
@SecurityRequirement(name = "bearer")
@Tag(name = "Courses")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not a teacher of the course (joining: not a student)",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class EnrolmentApiController {

  /** A student's e-mail address; the account must be a student's. */
  record StudentRequest(@NotBlank @Email @Size(max = 254) String email) {}

  /** One student on the roster; {@code source} is how they came to be enrolled. */
  record StudentResponse(UUID id, String name, String email, Instant enrolledAt, EnrolmentSource source) {}

  /** A join code as the student typed it (case, spaces and dashes do not matter). */
  record JoinRequest(@NotBlank @Size(max = 20) String code) {}

  /** One row of an imported file; {@code problems} are codes, empty when the row is (or would be) enrolled. */
  record ImportRowResponse(int line, String email, @Nullable UUID studentId, boolean alreadyEnrolled,
      List<String> problems) {}

  /** The rows read, and how many students were newly enrolled (0 on a dry run). */
  record ImportResponse(List<ImportRowResponse> rows, int enrolled, boolean dryRun) {}

  private final CoursesService courses;
  private final EnrolmentImport imports;
  private final AccountDirectory accounts;

  EnrolmentApiController(CoursesService courses, EnrolmentImport imports, AccountDirectory accounts) {
    this.courses = courses;
    this.imports = imports;
    this.accounts = accounts;
  }

  @GetMapping("/{courseId}/students")
  @Operation(summary = "The course's roster, by name")
  List<StudentResponse> roster(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    return courses.roster(managed(courseId, user).id(), user.id()).stream().map(EnrolmentApiController::response)
        .toList();
  }

  @PostMapping("/{courseId}/students")
  @Operation(summary = "Enrol a student by e-mail", description = "Enrolling a student who is enrolled already "
      + "changes nothing.")
  @ApiResponse(responseCode = "201", description = "Enrolled")
  @ApiResponse(responseCode = "404", description = "No student has this address, or no such course",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<StudentResponse> enrol(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @RequestBody StudentRequest request) {
    CourseView course = managed(courseId, user);
    AccountView student = courses.enrolByEmail(course.id(), request.email(), EnrolmentSource.API, user.id());
    RosterEntry entry = courses.roster(course.id(), user.id()).stream()
        .filter(e -> e.student().equals(student.id())).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId + "/students/" + student.id()))
        .body(response(entry));
  }

  @DeleteMapping("/{courseId}/students/{studentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take a student off the roster", description = "Their past check-ins stay.")
  void unenrol(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable UUID studentId) {
    courses.unenrol(managed(courseId, user).id(), new AccountId(studentId), user.id());
  }

  @PostMapping(value = "/{courseId}/students/import", consumes = "text/csv")
  @Operation(summary = "Import a roster CSV", description = "A header line and a column email (name is optional "
      + "and ignored). Every row is checked: problems are badEmail, duplicateInFile and noStudent. With dryRun=true "
      + "nothing is written; otherwise the students of the rows without problems are enrolled in one transaction. "
      + "At most 2,000 rows.")
  @ApiResponse(responseCode = "400", description = "No email column, too many rows, or not CSV",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ImportResponse importRoster(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Parameter(description = "Check only; enrol nobody") @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody String csv) throws IOException {
    CourseView course = managed(courseId, user);
    List<ImportRow> rows = imports.preview(course.id(), new StringReader(csv));
    int enrolled = dryRun ? 0 : imports.importValid(course.id(), rows, user.id());
    return new ImportResponse(rows.stream().map(row -> new ImportRowResponse(row.line(), row.email(),
        row.student() == null ? null : row.student().value(), row.enrolled(),
        row.problems().stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList())).toList(), enrolled, dryRun);
  }

  @PostMapping("/join")
  @Operation(summary = "Join a course with its code", description = "For students. Joining a course one is "
      + "enrolled in already changes nothing.")
  @ApiResponse(responseCode = "404", description = "No course has this code",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  CourseResponse join(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody JoinRequest request) {
    CourseView course = courses.join(request.code(), user.id());
    return CourseResponse.of(course, accounts.find(course.teacher()).map(AccountView::displayName).orElse(""),
        false);
  }

  private CourseView managed(UUID courseId, SignedInUser user) {
    CourseView course = courses.visibleTo(new CourseId(courseId), user.id());
    if (!courses.manages(course, user.id())) {
      throw new NotCourseTeacher(course.id());
    }
    return course;
  }

  private static StudentResponse response(RosterEntry entry) {
    return new StudentResponse(entry.student().value(), entry.displayName(), entry.email(), entry.enrolledAt(),
        entry.source());
  }
}
