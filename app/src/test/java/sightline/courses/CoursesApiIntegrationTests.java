package sightline.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * The courses API as a program uses it, with bearer tokens from {@code /api/v1/auth/login}: a teacher's course,
 * series, roster and join code; and who sees what (another teacher nothing, a student only the courses attended,
 * without the join code).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CoursesApiIntegrationTests {

  private static final String PASSWORD = "a long enough password 42";
  // Each caller signs in from its own address: sign-in is rate-limited per address.
  private static final AtomicInteger ADDRESS = new AtomicInteger(10);

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  record Caller(AccountView account, String token) {}

  private Caller signIn(Role role) {
    AccountView account = directory.create(new NewAccount("api-" + UUID.randomUUID() + "@example.org",
        "Person " + role, EnumSet.of(role), null, PASSWORD));
    String address = "10.13.0." + ADDRESS.incrementAndGet();
    MvcTestResult login = mvc.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
        .with(request -> {
          request.setRemoteAddr(address);
          return request;
        })
        .content("{\"email\": \"" + account.email() + "\", \"password\": \"" + PASSWORD + "\"}").exchange();
    assertThat(login).hasStatusOk();
    return new Caller(account, JsonPath.read(body(login), "$.accessToken"));
  }

  private MvcTestResult call(Caller who, HttpMethod method, String uri, String json) {
    var request = mvc.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token())
        .accept(MediaType.APPLICATION_JSON);
    if (json != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return request.exchange();
  }

  private static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTeacherRunsACourseAndOnlyItsPeopleSeeIt() {
    Caller teacher = signIn(Role.TEACHER);
    Caller otherTeacher = signIn(Role.TEACHER);
    Caller student = signIn(Role.STUDENT);
    Caller outsider = signIn(Role.STUDENT);
    String code = "API-" + UUID.randomUUID().toString().substring(0, 6);

    MvcTestResult created = call(teacher, HttpMethod.POST, "/api/v1/courses",
        "{\"code\": \"" + code + "\", \"title\": \"Physics\", \"section\": \"B\"}");
    assertThat(created).hasStatus(HttpStatus.CREATED);
    String courseId = JsonPath.read(body(created), "$.id");
    String joinCode = JsonPath.read(body(created), "$.joinCode");
    assertThat((Integer) JsonPath.read(body(created), "$.graceMinutes")).isEqualTo(10);
    assertThat((Integer) JsonPath.read(body(created), "$.warningPercent")).isEqualTo(75);
    String course = "/api/v1/courses/" + courseId;
    assertThat(call(teacher, HttpMethod.POST, "/api/v1/courses",
        "{\"code\": \"" + code + "\", \"title\": \"Again\", \"section\": \"B\"}")).hasStatus(HttpStatus.CONFLICT)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(call(teacher, HttpMethod.PUT, course,
        "{\"code\": \"" + code + "\", \"title\": \"Physics I\", \"section\": \"B\", \"graceMinutes\": 300}"))
        .hasStatus(HttpStatus.BAD_REQUEST);

    MvcTestResult series = call(teacher, HttpMethod.POST, course + "/sessions",
        "{\"title\": \"Lab\", \"room\": \"L1\", \"startsAt\": \"2030-01-07T08:00:00Z\","
            + " \"endsAt\": \"2030-01-07T10:00:00Z\", \"repeatWeeklyUntil\": \"2030-01-28\", \"timeZone\": \"UTC\","
            + " \"place\": {\"latitude\": 51.5, \"longitude\": -0.12}}");
    assertThat(series).hasStatus(HttpStatus.CREATED);
    assertThat((List<?>) JsonPath.read(body(series), "$")).hasSize(4);
    assertThat((Integer) JsonPath.read(body(series), "$[0].place.radiusMetres")).isEqualTo(100);
    String sessionId = JsonPath.read(body(series), "$[0].id");
    assertThat(call(teacher, HttpMethod.POST, course + "/sessions", "{\"title\": \"Online\", \"startsAt\":"
        + " \"2030-01-07T08:00:00Z\", \"endsAt\": \"2030-01-07T07:00:00Z\"}")).hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson().extractingPath("$.field").isEqualTo("endsAt");
    assertThat(call(teacher, HttpMethod.POST, course + "/sessions", "{\"title\": \"Online\", \"startsAt\":"
        + " \"2030-01-07T08:00:00Z\", \"endsAt\": \"2030-01-07T09:00:00Z\", \"place\": {\"latitude\": 91,"
        + " \"longitude\": 0}}")).hasStatus(HttpStatus.BAD_REQUEST);

    assertThat(call(teacher, HttpMethod.POST, course + "/students",
        "{\"email\": \"" + student.account().email() + "\"}")).hasStatus(HttpStatus.CREATED)
        .bodyJson().extractingPath("$.source").isEqualTo("API");
    assertThat(call(teacher, HttpMethod.POST, course + "/students", "{\"email\": \"nobody-" + UUID.randomUUID()
        + "@example.org\"}")).hasStatus(HttpStatus.NOT_FOUND);
    MvcTestResult dryRun = mvc.post().uri(course + "/students/import?dryRun=true")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + teacher.token()).contentType("text/csv")
        .content("email\n" + outsider.account().email() + "\nnot an address\n").exchange();
    assertThat(dryRun).hasStatusOk();
    assertThat((List<String>) JsonPath.read(body(dryRun), "$.rows[1].problems")).containsExactly("badEmail");
    assertThat((Integer) JsonPath.read(body(dryRun), "$.enrolled")).isZero();

    // Another teacher sees nothing of it and changes nothing.
    assertThat(call(otherTeacher, HttpMethod.GET, course, null)).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(call(otherTeacher, HttpMethod.GET, "/api/v1/courses/sessions/" + sessionId, null))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(call(otherTeacher, HttpMethod.DELETE, course, null)).hasStatus(HttpStatus.NOT_FOUND);
    assertThat((List<?>) JsonPath.read(body(call(otherTeacher, HttpMethod.GET, "/api/v1/courses", null)), "$"))
        .isEmpty();

    // The enrolled student reads the course and its sessions, without the join code, and changes nothing.
    MvcTestResult seen = call(student, HttpMethod.GET, course, null);
    assertThat(seen).hasStatusOk();
    assertThat((Object) JsonPath.read(body(seen), "$.joinCode")).isNull();
    assertThat((List<?>) JsonPath.read(body(seen), "$.coTeachers")).isEmpty();
    assertThat((List<?>) JsonPath.read(body(call(student, HttpMethod.GET, course + "/sessions", null)), "$"))
        .hasSize(4);
    assertThat(call(student, HttpMethod.GET, course + "/students", null)).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(call(student, HttpMethod.POST, "/api/v1/courses/sessions/" + sessionId + "/open", null))
        .hasStatus(HttpStatus.FORBIDDEN);

    // A student not enrolled sees nothing until joining with the code.
    assertThat(call(outsider, HttpMethod.GET, course, null)).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(call(outsider, HttpMethod.POST, "/api/v1/courses/join", "{\"code\": \"NOPE-NOPE\"}"))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(call(outsider, HttpMethod.POST, "/api/v1/courses/join", "{\"code\": \"" + joinCode + "\"}"))
        .hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(courseId);
    assertThat((List<String>) JsonPath.read(body(call(outsider, HttpMethod.GET, "/api/v1/courses", null)), "$[*].id"))
        .containsExactly(courseId);
    assertThat((List<?>) JsonPath.read(body(call(teacher, HttpMethod.GET, course + "/students", null)), "$"))
        .hasSize(2);

    assertThat(call(teacher, HttpMethod.POST, "/api/v1/courses/sessions/" + sessionId + "/open", null))
        .hasStatusOk().bodyJson().extractingPath("$.open").isEqualTo(true);
    assertThat(call(teacher, HttpMethod.POST, "/api/v1/courses/sessions/" + sessionId + "/close", null))
        .hasStatusOk().bodyJson().extractingPath("$.ended").isEqualTo(true);
    assertThat(call(teacher, HttpMethod.POST, "/api/v1/courses/sessions/" + sessionId + "/open", null))
        .hasStatus(HttpStatus.CONFLICT);
    assertThat(call(teacher, HttpMethod.DELETE, "/api/v1/courses/sessions/" + sessionId, null))
        .hasStatus(HttpStatus.NO_CONTENT);
    assertThat(call(teacher, HttpMethod.DELETE, course + "/students/" + student.account().id(), null))
        .hasStatus(HttpStatus.NO_CONTENT);
    assertThat(call(student, HttpMethod.GET, course, null)).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(call(teacher, HttpMethod.DELETE, course, null)).hasStatus(HttpStatus.NO_CONTENT);
    assertThat(call(teacher, HttpMethod.GET, course, null)).hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/course-not-found");
  }

  @Test
  void coTeachersManageTheCourseButOnlyTheOwnerDeletesIt() {
    Caller owner = signIn(Role.TEACHER);
    Caller colleague = signIn(Role.TEACHER);
    MvcTestResult created = call(owner, HttpMethod.POST, "/api/v1/courses",
        "{\"code\": \"CO-" + UUID.randomUUID().toString().substring(0, 6) + "\", \"title\": \"Art\"}");
    String course = "/api/v1/courses/" + JsonPath.read(body(created), "$.id");

    assertThat(call(owner, HttpMethod.POST, course + "/co-teachers",
        "{\"email\": \"" + colleague.account().email() + "\"}")).hasStatusOk()
        .bodyJson().extractingPath("$.coTeachers[0]").isEqualTo(colleague.account().id().toString());
    assertThat(call(colleague, HttpMethod.GET, course + "/co-teachers", null)).hasStatusOk()
        .bodyJson().extractingPath("$[0].email").isEqualTo(colleague.account().email());
    assertThat(call(colleague, HttpMethod.POST, course + "/sessions", "{\"title\": \"Studio\", \"startsAt\":"
        + " \"2030-01-07T08:00:00Z\", \"endsAt\": \"2030-01-07T09:00:00Z\"}")).hasStatus(HttpStatus.CREATED)
        .bodyJson().extractingPath("$[0].online").isEqualTo(true);
    assertThat(call(colleague, HttpMethod.DELETE, course, null)).hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson().extractingPath("$.type").isEqualTo("/problems/not-course-owner");
    assertThat(call(owner, HttpMethod.DELETE, course + "/co-teachers/" + colleague.account().id(), null))
        .hasStatusOk();
    assertThat(call(colleague, HttpMethod.GET, course, null)).hasStatus(HttpStatus.NOT_FOUND);
  }
}
