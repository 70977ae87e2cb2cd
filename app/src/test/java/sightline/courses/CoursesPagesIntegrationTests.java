package sightline.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/** The courses pages without JavaScript: a teacher's course from creation to deletion, a student's view and join. */
@SpringBootTest
@AutoConfigureMockMvc
class CoursesPagesIntegrationTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  @Autowired
  Courses courses;

  private AccountView account(Role role) {
    return directory.create(new NewAccount("pages-" + UUID.randomUUID() + "@example.org", "Person " + role,
        EnumSet.of(role), null, null));
  }

  private static UsernamePasswordAuthenticationToken as(AccountView account) {
    return SignedInUser.of(account).authentication();
  }

  private Document page(AccountView who, String uri) {
    MvcTestResult result = mvc.get().uri(uri).with(authentication(as(who))).exchange();
    assertThat(result).hasStatusOk();
    return html(result);
  }

  private static Document html(MvcTestResult result) {
    try {
      return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTeacherCreatesACoursePlansAWeeklySeriesBuildsTheRosterAndDeletesIt() {
    AccountView teacher = account(Role.TEACHER);
    AccountView ana = account(Role.STUDENT);
    AccountView ben = account(Role.STUDENT);
    String code = "BIO-" + UUID.randomUUID().toString().substring(0, 6);

    assertThat(page(teacher, "/courses").select("#create-course input[name=graceMinutes]").val()).isEqualTo("10");
    MvcTestResult created = mvc.post().uri("/courses").with(csrf()).with(authentication(as(teacher)))
        .param("code", code).param("title", "Biology").param("section", "A").param("graceMinutes", "10")
        .param("warningPercent", "75").exchange();
    assertThat(created).hasStatus(HttpStatus.FOUND);
    String coursePath = created.getResponse().getRedirectedUrl();
    UUID courseId = UUID.fromString(coursePath.substring("/courses/".length()));

    MvcTestResult planned = mvc.post().uri(coursePath + "/sessions").with(csrf()).with(authentication(as(teacher)))
        .param("title", "Lecture").param("room", "B 204").param("startsAt", "2030-03-04T09:00")
        .param("endsAt", "10:30").param("repeatUntil", "2030-03-25").param("online", "false")
        .param("latitude", "28.6139").param("longitude", "77.209").param("radiusMetres", "100")
        .param("zone", "Asia/Kolkata").exchange();
    assertThat(planned).hasRedirectedUrl(coursePath);
    assertThat(courses.sessions(new CourseId(courseId))).hasSize(4).first()
        .satisfies(s -> assertThat(s.startsAt()).hasToString("2030-03-04T03:30:00Z"));

    MvcTestResult noPlace = mvc.post().uri(coursePath + "/sessions").with(csrf()).with(authentication(as(teacher)))
        .param("title", "Lab").param("startsAt", "2030-03-04T09:00").param("endsAt", "08:00")
        .param("online", "false").param("zone", "Asia/Kolkata").exchange();
    assertThat(noPlace).hasStatusOk();
    assertThat(html(noPlace).select("#session-form .is-invalid")).isNotEmpty();

    assertThat(mvc.post().uri(coursePath + "/students").with(csrf()).with(authentication(as(teacher)))
        .param("email", ana.email())).hasRedirectedUrl(coursePath);
    MockHttpSession session = new MockHttpSession();
    MvcTestResult preview = mvc.post().uri(coursePath + "/students/import").multipart()
        .file(new MockMultipartFile("file", "roster.csv", "text/csv",
            ("email,name\n" + ben.email() + ",Ben\nnot-an-address,Nobody\n").getBytes(StandardCharsets.UTF_8)))
        .session(session).with(csrf()).with(authentication(as(teacher))).exchange();
    assertThat(preview).hasStatusOk();
    Document rows = html(preview);
    assertThat(rows.select("#import-rows tbody tr.table-danger")).hasSize(1);
    assertThat(mvc.post().uri(coursePath + "/students/import/confirm").session(session).with(csrf())
        .with(authentication(as(teacher))).param("importId", rows.select("input[name=importId]").val()))
        .hasRedirectedUrl(coursePath);
    assertThat(courses.enrolledStudents(new CourseId(courseId))).containsExactlyInAnyOrder(ana.id(), ben.id());

    Document course = page(teacher, coursePath);
    assertThat(course.select("#session-rows tr.session-row")).hasSize(4);
    assertThat(course.select("a.session-roster").first().attr("href")).startsWith("/attendance/sessions/");
    assertThat(course.select("#roster-rows tr.roster-row")).hasSize(2);
    assertThat(course.getElementById("join-code").text()).hasSize(8);

    Document student = page(ana, coursePath);
    assertThat(student.getElementById("join-code")).isNull();
    assertThat(student.getElementById("roster-rows")).isNull();
    assertThat(student.select("#session-rows tr.session-row")).hasSize(4);

    assertThat(page(teacher, coursePath + "/delete").getElementById("delete-warning").text()).contains("4", "2");
    assertThat(mvc.post().uri(coursePath + "/delete").with(csrf()).with(authentication(as(teacher))))
        .hasRedirectedUrl("/courses");
    assertThat(courses.find(new CourseId(courseId))).isEmpty();
  }

  @Test
  void aStudentJoinsWithTheCodeAndOthersCannotSeeTheCourse() {
    AccountView teacher = account(Role.TEACHER);
    AccountView other = account(Role.TEACHER);
    AccountView student = account(Role.STUDENT);
    MvcTestResult created = mvc.post().uri("/courses").with(csrf()).with(authentication(as(teacher)))
        .param("code", "CHEM-" + UUID.randomUUID().toString().substring(0, 6)).param("title", "Chemistry")
        .param("graceMinutes", "5").param("warningPercent", "80").exchange();
    String coursePath = created.getResponse().getRedirectedUrl();
    String joinCode = page(teacher, coursePath).getElementById("join-code").text();

    assertThat(mvc.get().uri(coursePath).with(authentication(as(student)))).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(mvc.get().uri(coursePath).with(authentication(as(other)))).hasStatus(HttpStatus.NOT_FOUND);
    MvcTestResult wrong = mvc.post().uri("/courses/join").with(csrf()).with(authentication(as(student)))
        .param("code", "ZZZZ-ZZZZ").exchange();
    assertThat(html(wrong).select("#join-form .is-invalid")).hasSize(1);
    assertThat(mvc.post().uri("/courses/join").with(csrf()).with(authentication(as(student)))
        .param("code", joinCode.toLowerCase())).hasRedirectedUrl(coursePath);
    assertThat(page(student, "/courses").select("#attended-courses a")).hasSize(1);
    assertThat(page(student, "/").select("#home-my-courses")).hasSize(1);
    assertThat(page(teacher, "/").select("#home-courses")).hasSize(1);
  }
}
