package sightline.attendance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.ReportsTestData;
import sightline.attendance.record.AttendanceRecords;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.DeliveryTestServers;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.identity.WithDeliveryServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Course and session reports through the API and the pages, their exports read back with commons-csv, POI and
 * PDFBox, who may see them, the points per status, and the e-mail warning (to the in-JVM SMTP server) once per fall
 * below the course's percentage.
 */
class CourseReportIntegrationTests extends WithDeliveryServers {

  private static final Instant TWO_WEEKS_AGO = Instant.now().minus(Duration.ofDays(14)).truncatedTo(ChronoUnit.HOURS);

  @Autowired
  MockMvcTester mvc;
  @Autowired
  AccountDirectory accounts;
  @Autowired
  CoursesService courses;
  @Autowired
  AttendanceRecords records;
  @Autowired
  JdbcClient jdbc;

  private final JsonMapper json = JsonMapper.builder().build();

  /** A course with two past sessions: Ana P then L (75 %), Ben A then P (50 %); warnings off. */
  private record Term(AccountView teacher, CourseView course, AccountView ana, AccountView ben,
      ClassSessionView first, ClassSessionView second) {}

  private Term term(int warningPercent) {
    var data = new ReportsTestData(accounts, courses, records);
    var teacher = data.account(Role.TEACHER, "Report Teacher");
    var course = data.course(teacher, warningPercent);
    var ana = data.account(Role.STUDENT, "Ana Report");
    var ben = data.account(Role.STUDENT, "Ben Report");
    data.enrol(course, ana, teacher);
    data.enrol(course, ben, teacher);
    var first = data.session(course, teacher, "Week 1", TWO_WEEKS_AGO);
    var second = data.session(course, teacher, "Week 2", TWO_WEEKS_AGO.plus(Duration.ofDays(7)));
    return new Term(teacher, course, ana, ben, first, second);
  }

  private void markTerm(Term term) {
    var data = new ReportsTestData(accounts, courses, records);
    data.mark(term.first(), term.ana(), AttendanceStatus.PRESENT, term.teacher());
    data.mark(term.second(), term.ana(), AttendanceStatus.LATE, term.teacher());
    data.mark(term.first(), term.ben(), AttendanceStatus.ABSENT, term.teacher());
    data.mark(term.second(), term.ben(), AttendanceStatus.PRESENT, term.teacher());
  }

  @Test
  void theTeacherReadsTheReportAsJsonAndAsEveryExport() throws Exception {
    var term = term(0);
    markTerm(term);
    String base = "/api/v1/attendance/courses/" + term.course().id() + "/report";

    JsonNode report = json.readTree(ok(mvc.get().uri(base).accept(MediaType.APPLICATION_JSON)
        .with(as(term.teacher())).exchange()).getResponse().getContentAsString());
    assertThat(report.get("students")).hasSize(2);
    JsonNode ana = student(report, "Ana Report");
    assertThat(ana.get("percent").asDouble()).isEqualTo(75.0);
    assertThat(ana.get("counts").get("LATE").asInt()).isEqualTo(1);
    assertThat(student(report, "Ben Report").get("percent").asDouble()).isEqualTo(50.0);
    assertThat(report.get("sessions")).hasSize(2);

    String csv = ok(mvc.get().uri(base).accept(MediaType.parseMediaType("text/csv")).with(as(term.teacher()))
        .exchange()).getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
        .get().parse(new StringReader(csv)).getRecords();
    assertThat(csv).startsWith("# Sightline").contains("# Period: ");
    assertThat(rows).extracting(row -> row.get("Student")).containsExactly("Ana Report", "Ben Report");
    assertThat(rows.getFirst().get("Percentage")).isEqualTo("75.0");
    assertThat(rows.get(1).get("Absent")).isEqualTo("1");

    var xlsx = ok(mvc.get().uri(base + ".xlsx").with(as(term.teacher())).exchange()).getResponse();
    assertThat(xlsx.getHeader("Content-Disposition")).contains(".xlsx");
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Sightline");
      assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Ana Report");
      assertThat(sheet.getRow(5).getCell(8).getNumericCellValue()).isEqualTo(75.0);
    }

    byte[] pdf = ok(mvc.get().uri("/attendance/courses/" + term.course().id() + "/report.pdf")
        .with(as(term.teacher())).exchange()).getResponse().getContentAsByteArray();
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Sightline", term.course().code(), "Period:",
          "Ana Report", "Ben Report", "75.0");
    }

    String sessionCsv = ok(mvc.get().uri("/attendance/sessions/" + term.first().id() + "/report.csv")
        .with(as(term.teacher())).exchange()).getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> sessionRows = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
        .setSkipHeaderRecord(true).get().parse(new StringReader(sessionCsv)).getRecords();
    assertThat(sessionRows).extracting(row -> row.get("Status")).containsExactly("Present", "Absent");
    assertThat(sessionRows).extracting(row -> row.get("Method")).containsOnly("Marked by a teacher");

    assertThat(mvc.get().uri(base + ".docx").with(as(term.teacher())).exchange()).hasStatus(404);
  }

  @Test
  void thePageShowsTheTableTheChartsAndThePointsForm() {
    var term = term(60);
    markTerm(term);

    var page = ok(mvc.get().uri("/attendance/courses/" + term.course().id() + "/report").with(as(term.teacher()))
        .exchange());

    assertThat(page).bodyText().contains("Ana Report", "75.0 %", "id=\"session-chart\"", "id=\"student-chart\"",
        "Below threshold", "report.xlsx", "id=\"points-form\"");
  }

  @Test
  void onlyTheCoursesTeachersAndAdministratorsSeeItAndAStudentSeesTheirOwnPercentage() throws Exception {
    var term = term(0);
    markTerm(term);
    var data = new ReportsTestData(accounts, courses, records);
    var otherTeacher = data.account(Role.TEACHER, "Other Teacher");
    var admin = data.account(Role.ADMIN, "Report Admin");
    String base = "/api/v1/attendance/courses/" + term.course().id() + "/report";

    assertThat(mvc.get().uri(base).with(as(otherTeacher)).exchange()).hasStatus(403);
    assertThat(mvc.get().uri(base).with(as(term.ana())).exchange()).hasStatus(403);
    assertThat(mvc.get().uri("/api/v1/attendance/sessions/" + term.first().id() + "/report")
        .with(as(otherTeacher)).exchange()).hasStatus(403);
    assertThat(mvc.get().uri(base).with(as(admin)).exchange()).hasStatus(200);

    JsonNode mine = json.readTree(ok(mvc.get().uri("/api/v1/attendance/my/courses").with(as(term.ben())).exchange())
        .getResponse().getContentAsString());
    assertThat(mine).singleElement().satisfies(course -> {
      assertThat(course.get("code").asString()).isEqualTo(term.course().code());
      assertThat(course.get("standing").get("percent").asDouble()).isEqualTo(50.0);
      assertThat(course.get("standing").get("student").asString()).isEqualTo(term.ben().id().toString());
    });
  }

  @Test
  void theTeacherChangesThePointsPerStatus() throws Exception {
    var term = term(0);
    markTerm(term);
    String page = "/attendance/courses/" + term.course().id() + "/report";

    assertThat(mvc.post().uri(page + "/points").with(as(term.teacher())).with(csrf())
        .param("present", "3").param("late", "3").param("excused", "1").param("absent", "0").exchange())
        .hasStatus(302);
    JsonNode report = json.readTree(ok(mvc.get().uri("/api/v1/attendance/courses/" + term.course().id() + "/report")
        .with(as(term.teacher())).exchange()).getResponse().getContentAsString());
    assertThat(student(report, "Ana Report").get("percent").asDouble()).as("P 3 + L 3 of 6").isEqualTo(100.0);

    assertThat(mvc.post().uri(page + "/points").with(as(term.teacher())).with(csrf())
        .param("present", "0").param("late", "0").param("excused", "0").param("absent", "0").exchange())
        .hasStatus(200).bodyText().contains("at least one earns more than 0");
    assertThat(mvc.put().uri("/api/v1/attendance/courses/" + term.course().id() + "/points")
        .with(as(term.teacher())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"present\":101,\"late\":1,\"excused\":1,\"absent\":0}").exchange()).hasStatus(400);
    assertThat(mvc.put().uri("/api/v1/attendance/courses/" + term.course().id() + "/points")
        .with(as(term.ana())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"present\":2,\"late\":1,\"excused\":1,\"absent\":0}").exchange()).hasStatus(403);
  }

  @Test
  void aStudentIsWarnedOncePerFallBelowTheCoursesPercentage() throws Exception {
    var term = term(75);
    var data = new ReportsTestData(accounts, courses, records);
    String address = term.ben().email();

    // Absent in week 1: 0 % — warned.
    var week1 = data.mark(term.first(), term.ben(), AttendanceStatus.ABSENT, term.teacher());
    String mail = DeliveryTestServers.awaitMailTo(address);
    assertThat(mail).contains("Ben Report", term.course().code(), "0.0 %", "75 %");

    // Present in week 2: 50 %, still below — no second mail for the same fall.
    data.mark(term.second(), term.ben(), AttendanceStatus.PRESENT, term.teacher());
    awaitListenersFor(term);
    // Week 1 corrected to Excused: 75 %, back up — the warning is forgotten.
    records.correct(week1.id(), AttendanceStatus.EXCUSED, "doctor's note", term.teacher().id());
    awaitListenersFor(term);
    assertThat(warned(term)).isFalse();
    // Week 1 corrected to Absent again: 50 % — a new fall, a new warning.
    records.correct(week1.id(), AttendanceStatus.ABSENT, "note withdrawn", term.teacher().id());

    assertThat(DeliveryTestServers.awaitMailsTo(address, 2).get(1)).contains("50.0 %");
    awaitListenersFor(term);
    assertThat(DeliveryTestServers.mailsTo(address)).hasSize(2);
    assertThat(DeliveryTestServers.mailsTo(term.ana().email())).isEmpty();
  }

  /** Waits until no publication about this course is outstanding: its listeners have all finished. */
  private void awaitListenersFor(Term term) throws InterruptedException {
    await(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :course")
        .param("course", "%" + term.course().id() + "%").query(Integer.class).single() == 0);
  }

  private boolean warned(Term term) {
    return jdbc.sql("SELECT COUNT(*) FROM attendance.warning_sent WHERE course_id = :course")
        .param("course", term.course().id().value()).query(Integer.class).single() > 0;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s");
      }
      Thread.sleep(100);
    }
  }

  private static JsonNode student(JsonNode report, String name) {
    for (JsonNode student : report.get("students")) {
      if (student.get("name").asString().equals(name)) {
        return student;
      }
    }
    throw new AssertionError("no student " + name);
  }

  private static MvcTestResult ok(MvcTestResult result) {
    assertThat(result).hasStatus(200);
    return result;
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor as(AccountView account) {
    UsernamePasswordAuthenticationToken token = SignedInUser.of(account).authentication();
    return authentication(token);
  }
}
