package sightline.attendance.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.attendance.ApiCaller;
import sightline.attendance.AttendanceFixtures;
import sightline.biometrics.Challenge;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.liveness.LivenessPolicies;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.biometrics.liveness.PolicyVersions;
import sightline.biometrics.liveness.SyntheticLivenessFrames;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.vision.Point;
import tools.jackson.databind.JsonNode;

/**
 * The check-in pipeline through its HTTP API, as a phone app calls it: each check refuses in its turn with its
 * reason, and every refusal is in the session's attempt log. The face checks run on the real models with a liveness
 * session fed frames synthesised from a fixture photo (under a policy version that does not require the motion cue,
 * which such frames cannot show).
 */
@LivenessTestApplication
class CheckInPipelineIntegrationTests {

  private static final List<Challenge> ALL = List.of(Challenge.BLINK, Challenge.TURN_LEFT, Challenge.TURN_RIGHT,
      Challenge.LOOK_UP, Challenge.COME_CLOSER);
  private static SyntheticLivenessFrames meera;
  private static SyntheticLivenessFrames stranger;

  @LocalServerPort int port;
  @Autowired AccountDirectory directory;
  @Autowired CoursesService courses;
  @Autowired FaceEngine faces;
  @Autowired FaceEnrolment enrolment;
  @Autowired LivenessPolicies policies;

  private AttendanceFixtures fixtures;
  private AccountView teacher;
  private AccountView student;
  private CourseView course;
  private ClassSessionView session;
  private final List<AccountId> enrolled = new ArrayList<>();

  @BeforeEach
  void setUp() {
    fixtures = new AttendanceFixtures(directory, courses);
    teacher = fixtures.account(Role.TEACHER, "Tara Teacher");
    student = fixtures.account(Role.STUDENT, "Meera Iyer");
    course = fixtures.course(teacher);
    fixtures.enrol(course, student, teacher);
    session = fixtures.openSession(course, teacher, AttendanceFixtures.CLASSROOM);
  }

  @AfterEach
  void deleteFaces() {
    enrolled.forEach(enrolment::delete);
  }

  @Test
  void eachCheckRefusesInItsTurnAndEveryRefusalIsInTheAttemptLog() {
    var inside = AttendanceFixtures.north(AttendanceFixtures.CLASSROOM, 20);
    var outside = AttendanceFixtures.north(AttendanceFixtures.CLASSROOM, 250);
    String checkIns = "/api/v1/attendance/sessions/" + session.id() + "/check-ins";

    var asTeacher = new ApiCaller(port, teacher.email(), AttendanceFixtures.PASSWORD);
    assertThat(asTeacher.post(checkIns, ApiCaller.checkIn(null, inside, 10.0, "d")).outcome())
        .isEqualTo("NOT_A_STUDENT");

    AccountView outsider = fixtures.account(Role.STUDENT, "Not Enrolled");
    var asOutsider = new ApiCaller(port, outsider.email(), AttendanceFixtures.PASSWORD);
    var notEnrolled = asOutsider.post(checkIns, ApiCaller.checkIn(null, inside, 10.0, "d"));
    assertThat(notEnrolled.status()).isEqualTo(403);
    assertThat(notEnrolled.outcome()).isEqualTo("NOT_ENROLLED");

    var asStudent = new ApiCaller(port, student.email(), AttendanceFixtures.PASSWORD);
    ClassSessionView tomorrow = fixtures.laterSession(course, teacher, AttendanceFixtures.CLASSROOM);
    var notOpen = asStudent.post("/api/v1/attendance/sessions/" + tomorrow.id() + "/check-ins",
        ApiCaller.checkIn(null, inside, 10.0, "d"));
    assertThat(notOpen.status()).isEqualTo(409);
    assertThat(notOpen.outcome()).isEqualTo("SESSION_NOT_OPEN");

    assertThat(asStudent.post(checkIns, ApiCaller.checkIn(null, null, null, "d")).outcome())
        .isEqualTo("LOCATION_MISSING");
    var inaccurate = asStudent.post(checkIns, ApiCaller.checkIn(null, inside, 150.0, "d"));
    assertThat(inaccurate.status()).isEqualTo(422);
    assertThat(inaccurate.outcome()).isEqualTo("LOCATION_TOO_INACCURATE");

    // The preflight tells the same before the camera starts, and records nothing.
    var preflight = asStudent.get(checkIns + "/preflight?latitude=" + outside[0] + "&longitude=" + outside[1]
        + "&accuracyMetres=12");
    assertThat(preflight.json().get("outcome").asString()).isEqualTo("OUTSIDE_PLACE");
    assertThat(preflight.json().get("message").asString()).contains("250 m");
    var outsideAnswer = asStudent.post(checkIns, ApiCaller.checkIn(null, outside, 12.0, "d"));
    assertThat(outsideAnswer.status()).isEqualTo(422);
    assertThat(outsideAnswer.outcome()).isEqualTo("OUTSIDE_PLACE");
    assertThat(outsideAnswer.json().get("type").asString()).isEqualTo("/problems/check-in-refused");
    assertThat(outsideAnswer.json().get("detail").asString()).contains("250 m").contains("100 m");
    assertThat(outsideAnswer.json().get("distanceMetres").asLong()).isBetween(245L, 255L);

    // Inside without a passed liveness session: refused by liveness, counted by the rate limit (10 a minute).
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(asStudent.post(checkIns, ApiCaller.checkIn(UUID.randomUUID(), inside, 12.0, "d")).outcome())
          .as("attempt %d", attempt).isEqualTo("LIVENESS_FAILED");
    }
    var limited = asStudent.post(checkIns, ApiCaller.checkIn(UUID.randomUUID(), inside, 12.0, "d"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.outcome()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(Long.parseLong(limited.response().headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);

    // The teacher marks the student by hand: "already checked in" comes before the rate limit.
    var marked = asTeacher.post("/api/v1/attendance/sessions/" + session.id() + "/marks",
        "{\"studentId\":\"" + student.id() + "\",\"status\":\"PRESENT\",\"remark\":\"seen in class\"}");
    assertThat(marked.status()).as(marked.response().body()).isEqualTo(200);
    assertThat(marked.json().get("method").asString()).isEqualTo("MANUAL");
    var already = asStudent.post(checkIns, ApiCaller.checkIn(UUID.randomUUID(), inside, 12.0, "d"));
    assertThat(already.status()).isEqualTo(409);
    assertThat(already.outcome()).isEqualTo("ALREADY_CHECKED_IN");

    var log = asTeacher.get("/api/v1/attendance/sessions/" + session.id() + "/attempts");
    assertThat(log.status()).isEqualTo(200);
    List<String> outcomes = log.json().values().stream().map(a -> a.get("outcome").asString()).toList();
    assertThat(outcomes).containsExactly(add(List.of("ALREADY_CHECKED_IN", "TOO_MANY_ATTEMPTS"),
        "LIVENESS_FAILED", 10, "OUTSIDE_PLACE", "LOCATION_TOO_INACCURATE", "LOCATION_MISSING", "NOT_ENROLLED",
        "NOT_A_STUDENT"));
    assertThat(log.json().get(0).get("deviceHash").asString()).hasSize(64);

    // Students see their own attempts with the reasons, never the session's log.
    assertThat(asStudent.get("/api/v1/attendance/sessions/" + session.id() + "/attempts").status()).isEqualTo(404);
    var mine = asStudent.get("/api/v1/attendance/my/attempts");
    assertThat(mine.json().values().stream().map(a -> a.get("reason").asString()).toList())
        .contains("Outside the classroom", "Already checked in");
  }

  @Test
  void anotherPersonsLiveFaceIsRefusedAndTheStudentsOwnFaceChecksIn() throws Exception {
    if (meera == null) {
      meera = SyntheticLivenessFrames.sample3(faces);
      stranger = SyntheticLivenessFrames.of(faces, "sample5", new Point(1196, 317));
    }
    AccountView admin = fixtures.account(Role.ADMIN, "Admin");
    AccountView impostor = fixtures.account(Role.STUDENT, "Somebody Else");
    fixtures.enrol(course, impostor, teacher);
    enrol(student, meera, admin);
    enrol(impostor, stranger, admin);
    var inside = AttendanceFixtures.north(AttendanceFixtures.CLASSROOM, 20);
    String checkIns = "/api/v1/attendance/sessions/" + session.id() + "/check-ins";
    try (var policy = PolicyVersions.withoutMotionCue(policies, admin.id())) {
      // Meera's face in front of the impostor's phone.
      var asImpostor = new ApiCaller(port, impostor.email(), AttendanceFixtures.PASSWORD);
      var refused = asImpostor.post(checkIns, ApiCaller.checkIn(passedLiveness(asImpostor, meera), inside, 8.0,
          "phone-1"));
      assertThat(refused.status()).as(refused.response().body()).isEqualTo(422);
      assertThat(refused.outcome()).isEqualTo("FACE_NOT_MATCHED");

      var asStudent = new ApiCaller(port, student.email(), AttendanceFixtures.PASSWORD);
      var accepted = asStudent.post(checkIns, ApiCaller.checkIn(passedLiveness(asStudent, meera), inside, 8.0,
          "phone-2"));
      assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(201);
      assertThat(accepted.json().get("status").asString()).isEqualTo("PRESENT");
      assertThat(accepted.json().get("method").asString()).isEqualTo("SELF");
      assertThat(accepted.json().get("similarity").asDouble()).isGreaterThan(0.34);
      assertThat(accepted.json().get("distanceMetres").asDouble()).isBetween(15.0, 25.0);
    }
    var log = new ApiCaller(port, teacher.email(), AttendanceFixtures.PASSWORD)
        .get("/api/v1/attendance/sessions/" + session.id() + "/attempts");
    List<String> outcomes = log.json().values().stream().map(a -> a.get("outcome").asString()).toList();
    assertThat(outcomes).containsExactly("ACCEPTED", "FACE_NOT_MATCHED");
    assertThat(log.json().get(1).get("similarity").asDouble()).isLessThan(0.34);
  }

  private void enrol(AccountView person, SyntheticLivenessFrames face, AccountView admin) {
    var answer = enrolment.enrolPhotos(person.id(), List.of(SyntheticLivenessFrames.jpeg(face.neutral()),
        SyntheticLivenessFrames.jpeg(face.zoomed(3.0))), FaceEnrolment.CONSENT_VERSION, admin.id());
    assertThat(answer.stored()).isPositive();
    enrolled.add(person.id());
  }

  /** Runs a CHECK_IN liveness session on the face's synthetic frames and answers its id once it passed. */
  private static UUID passedLiveness(ApiCaller caller, SyntheticLivenessFrames face) {
    var started = caller.post("/api/v1/liveness/sessions", "{\"purpose\":\"CHECK_IN\"}");
    assertThat(started.status()).as(started.response().body()).isEqualTo(201);
    UUID id = UUID.fromString(started.json().get("id").asString());
    String nonce = started.json().get("nonce").asString();
    JsonNode answer = null;
    for (BufferedImage frame : face.meeting(ALL)) {
      answer = caller.frame(id, nonce, SyntheticLivenessFrames.jpeg(frame)).json();
      if (!answer.get("state").asString().equals("RUNNING")) {
        break;
      }
    }
    assertThat(answer.get("state").asString()).as(answer.toString()).isEqualTo("PASSED");
    return id;
  }

  private static String[] add(List<String> head, String repeated, int times, String... tail) {
    var all = new ArrayList<>(head);
    for (int i = 0; i < times; i++) {
      all.add(repeated);
    }
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }
}
