package sightline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * Every HTTP endpoint the running application maps, called by anonymous, STUDENT, TEACHER, ADMIN and MEMBER
 * callers, against the access rule below. A new endpoint is covered the moment it exists: if the rules do not say
 * how it should be guarded, it is expected to need a signed-in caller, and the test tells which one failed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

  /**
   * Who may call an endpoint. STAFF: administrators and teachers. CLASSROOM: administrators, teachers and students
   * (not MEMBER accounts). TEACHING: CLASSROOM to read (GET), STAFF to change. API_KEY: only requests with a face API
   * key; no session is enough (always 401 here).
   */
  enum Access { PUBLIC, SIGNED_IN, ADMIN, STAFF, STUDENT, CLASSROOM, TEACHING, API_KEY }

  /** Path-pattern prefixes and their access, first match wins; anything else needs a signed-in caller. */
  private static final Map<String, Access> RULES = rules();

  private static Map<String, Access> rules() {
    var rules = new LinkedHashMap<String, Access>();
    for (String open : List.of("/", "/camera", "/error", "/problems", "/sign-in", "/sign-up", "/setup",
        "/password-reset", "/api/v1/models", "/v3/api-docs", "/swagger-ui", "/fonts")) {
      rules.put(open, Access.PUBLIC);
    }
    rules.put("/api/v1/auth/", Access.PUBLIC);
    rules.put("/sign-in/two-factor", Access.PUBLIC); // who may continue is decided by the pending sign-in
    rules.put("/account/two-factor", Access.SIGNED_IN);
    rules.put("/admin/", Access.ADMIN);
    rules.put("/api/v1/admin/", Access.ADMIN);
    // Face sign-in runs a liveness session before sign-in; the controller lets anonymous callers start SIGN_IN only.
    rules.put("/api/v1/liveness/", Access.PUBLIC);
    rules.put("/liveness", Access.SIGNED_IN);
    rules.put("/api/v1/biometrics/accounts/", Access.ADMIN);
    rules.put("/api/v1/biometrics/identify", Access.STAFF);
    rules.put("/api/v1/faces/", Access.API_KEY);
    // Plant diagnosis is for every signed-in account (each sees only its own); its models and feedback export are
    // under /admin/ (ADMIN, above).
    rules.put("/diagnosis", Access.SIGNED_IN);
    rules.put("/api/v1/diagnoses", Access.SIGNED_IN);
    // Attendance reports, their exports, points per status and fraud signals: teachers (of the course, else 403 or
    // 404 from the module) and administrators; a student reads their own percentages under /api/v1/attendance/my/.
    // Webhooks are under /admin/ (ADMIN, above).
    rules.put("/attendance/courses/{courseId}/report", Access.STAFF);
    rules.put("/attendance/sessions/{sessionId}/report", Access.STAFF);
    rules.put("/attendance/sessions/{sessionId}/signals", Access.STAFF);
    rules.put("/api/v1/attendance/courses/{courseId}/report", Access.STAFF);
    rules.put("/api/v1/attendance/courses/{courseId}/points", Access.STAFF);
    rules.put("/api/v1/attendance/sessions/{sessionId}/report", Access.STAFF);
    rules.put("/api/v1/attendance/sessions/{sessionId}/signals", Access.STAFF);
    // Courses: students join with a code; the people of a school read the courses they teach or attend (which ones
    // is the module's decision, a 404 for others); teachers and administrators change them.
    rules.put("/courses/join", Access.STUDENT);
    rules.put("/api/v1/courses/join", Access.STUDENT);
    rules.put("/courses", Access.TEACHING);
    rules.put("/api/v1/courses", Access.TEACHING);
    // The classroom kiosk and staff check-in are for teachers and administrators (the kiosk's handlers then require a
    // teacher of the session's course); the school's place and the staff report for administrators.
    rules.put("/attendance/sessions/{sessionId}/kiosk", Access.STAFF);
    rules.put("/api/v1/attendance/sessions/{sessionId}/kiosk", Access.STAFF);
    rules.put("/attendance/staff", Access.STAFF);
    rules.put("/api/v1/attendance/staff/place", Access.ADMIN);
    rules.put("/api/v1/attendance/staff/report", Access.ADMIN);
    rules.put("/api/v1/attendance/staff/", Access.STAFF);
    // Attendance check-in: every signed-in caller reaches the handlers, which decide by course (a student checks in
    // only where enrolled and sees only their own records; a session's roster, attempt log and marks are for its
    // course's teachers and administrators, 404 to anyone else).
    rules.put("/attendance", Access.SIGNED_IN);
    rules.put("/api/v1/attendance/sessions/", Access.SIGNED_IN);
    rules.put("/api/v1/attendance/my/", Access.SIGNED_IN);
    // Engagement: students stream and read their own timelines; a session's dashboard and report answer its
    // course's teachers and administrators (others get 403, an unknown session 404) inside the controllers.
    rules.put("/engagement", Access.SIGNED_IN);
    rules.put("/api/v1/engagement", Access.SIGNED_IN);
    return rules;
  }

  @Autowired
  MockMvcTester mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  AccountDirectory directory;

  @Test
  void everyEndpointAnswersEachRoleAsItsRuleSays() {
    Map<Role, UsernamePasswordAuthenticationToken> callers = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      callers.put(role, signedIn(directory.create(new NewAccount("matrix-" + UUID.randomUUID() + "@example.org",
          "Matrix " + role, EnumSet.of(role), null, "a long matrix password"))));
    }
    List<String> failures = new ArrayList<>();
    Set<String> endpoints = endpoints();
    assertThat(endpoints).as("the endpoint list comes from the running application").contains("GET /");
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      Access rule = accessOf(pattern);
      Access access = rule != Access.TEACHING ? rule : method.equals("GET") ? Access.CLASSROOM : Access.STAFF;
      check(failures, endpoint, method, pattern, access, null, null);
      callers.forEach((role, caller) -> check(failures, endpoint, method, pattern, access, role, caller));
    }
    assertThat(failures).as("endpoints answering a caller against their rule").isEmpty();
  }

  private void check(List<String> failures, String endpoint, String method, String pattern, Access access,
      @Nullable Role role, @Nullable UsernamePasswordAuthenticationToken caller) {
    String uri = pattern.replaceAll("\\{[^}]*id}", UUID.randomUUID().toString()).replaceAll("\\{[^}]+}", "x");
    var request = mvc.method(HttpMethod.valueOf(method)).uri(uri).with(csrf());
    if (uri.startsWith("/api/")) {
      request = request.accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (caller != null) {
      request = request.with(authentication(caller));
    }
    var response = request.exchange().getResponse();
    int status = response.getStatus();
    String location = response.getHeader("Location");
    boolean sentToSignIn = status == 302 && location != null && location.contains("/sign-in")
        && !pattern.equals("/sign-in");
    boolean allowed = switch (access) {
      case PUBLIC -> true;
      case SIGNED_IN -> caller != null;
      case ADMIN -> role == Role.ADMIN;
      case STAFF -> role == Role.ADMIN || role == Role.TEACHER;
      case STUDENT -> role == Role.STUDENT;
      case CLASSROOM -> role == Role.ADMIN || role == Role.TEACHER || role == Role.STUDENT;
      case TEACHING -> throw new IllegalStateException("resolved per method");
      case API_KEY -> false;
    };
    String who = role == null ? "anonymous" : role.name();
    // /error called directly, outside an error dispatch, reports 500 by design; elsewhere a 5xx is a bug.
    boolean serverError = status >= 500 && !pattern.equals("/error");
    if (allowed && (status == 401 || status == 403 || sentToSignIn || serverError)) {
      failures.add(endpoint + " as " + who + ": expected access, got " + status + " " + location);
    } else if (!allowed && caller == null && !(uri.startsWith("/api/") ? status == 401 : sentToSignIn)) {
      failures.add(endpoint + " as anonymous: expected " + (uri.startsWith("/api/") ? "401" : "a redirect to sign in")
          + ", got " + status);
    } else if (access == Access.API_KEY && status != 401) {
      failures.add(endpoint + " as " + who + ": expected 401 without an API key, got " + status);
    } else if (!allowed && caller != null && access != Access.API_KEY && status != 403) {
      failures.add(endpoint + " as " + who + ": expected 403, got " + status);
    }
  }

  private Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          endpoints.add("GET " + pattern);
        }
        methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
      }
    });
    return endpoints;
  }

  private static Access accessOf(String pattern) {
    for (var rule : RULES.entrySet()) {
      String prefix = rule.getKey();
      if (prefix.endsWith("/") && !prefix.equals("/") ? pattern.startsWith(prefix) : pattern.equals(prefix)
          || pattern.startsWith(prefix + "/") && !prefix.equals("/") || pattern.startsWith(prefix + ".")) {
        return rule.getValue();
      }
    }
    return Access.SIGNED_IN;
  }

  private static UsernamePasswordAuthenticationToken signedIn(AccountView account) {
    return SignedInUser.of(account).authentication();
  }
}
