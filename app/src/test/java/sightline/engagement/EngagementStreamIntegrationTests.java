package sightline.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import sightline.courses.Place;
import sightline.courses.catalogue.CoursesService;
import sightline.engagement.timeline.StateTimes;
import sightline.engagement.timeline.TimelineStore;
import sightline.identity.AccountDirectory;
import sightline.identity.Role;

/**
 * Recorded frames over the real WebSocket: a student streams a person facing the camera, a woman looking away and an
 * empty scene; the teacher's subscription to the session's topic gets each frame's state within a second, the
 * student's queue gets the same, and the timeline is written. Only enrolled students of an open online session
 * stream, and only the course's teachers subscribe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sightline.engagement.flush-every=1s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementStreamIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory directory;

  @Autowired
  CoursesService courses;

  @Autowired
  TimelineStore store;

  List<byte[]> attentive;
  List<byte[]> away;

  @BeforeAll
  void frames() {
    attentive = RecordedFrames.attentive(15);
    away = RecordedFrames.lookingAway();
  }

  /** What the student's queue and the teacher's topic said about one frame. */
  record Seen(String state, long dashboardMillis) {}

  @Test
  void theDashboardShowsEachFramesStateWithinASecond() throws Exception {
    var klass = EngagementFixtures.openOnlineClass(directory, courses, 1, "stream");
    var student = klass.students().getFirst();
    BlockingQueue<Map<String, Object>> replies = new LinkedBlockingQueue<>();
    BlockingQueue<Map<String, Object>> dashboard = new LinkedBlockingQueue<>();
    try (var teacher = EngagementStomp.connect(port, EngagementStomp.signIn(port, klass.teacher().email(),
        EngagementFixtures.PASSWORD));
        var streaming = EngagementStomp.connect(port, EngagementStomp.signIn(port, student.email(),
            EngagementFixtures.PASSWORD))) {
      teacher.subscribe("/topic/engagement/sessions/" + klass.session().id().value(), dashboard::add);
      streaming.subscribe("/user/queue/engagement", replies::add);
      Thread.sleep(300); // the subscriptions reach the broker before the first frame

      List<Seen> facing = stream(streaming, klass.session().id().value(), attentive, replies, dashboard);
      List<Seen> turned = stream(streaming, klass.session().id().value(), away, replies, dashboard);
      List<Seen> empty = stream(streaming, klass.session().id().value(),
          java.util.Collections.nCopies(8, RecordedFrames.emptyScene()), replies, dashboard);

      assertThat(facing).extracting(Seen::state).as("facing the camera (blinks may close the eyes)")
          .isSubsetOf("ATTENTIVE", "EYES_CLOSED").filteredOn("ATTENTIVE"::equals).hasSizeGreaterThan(
              facing.size() * 8 / 10);
      assertThat(turned.stream().filter(s -> s.state().equals("LOOKING_AWAY")).count())
          .as("looking up and away: %s", turned).isGreaterThanOrEqualTo(turned.size() * 7 / 10);
      // Between detections the face is followed; the detector runs at least every 5th frame, and sees nobody.
      assertThat(empty.subList(5, empty.size())).extracting(Seen::state).containsOnly("ABSENT");
      assertThat(List.of(facing, turned, empty)).allSatisfy(seen -> assertThat(seen)
          .allSatisfy(s -> assertThat(s.dashboardMillis()).as("frame to dashboard").isLessThan(1000)));
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      StateTimes stored = store.totals(klass.session().id(), student.id());
      assertThat(stored.millis(EngagementState.ATTENTIVE)).isPositive();
      assertThat(stored.millis(EngagementState.LOOKING_AWAY)).isPositive();
      assertThat(stored.millis(EngagementState.ABSENT)).isPositive();
    });
  }

  private static List<Seen> stream(EngagementStomp student, Object session, List<byte[]> frames,
      BlockingQueue<Map<String, Object>> replies, BlockingQueue<Map<String, Object>> dashboard) throws Exception {
    List<Seen> seen = new ArrayList<>();
    for (byte[] frame : frames) {
      long sent = System.nanoTime();
      student.sendFrame(session, frame);
      Map<String, Object> reply = replies.poll(10, TimeUnit.SECONDS);
      assertThat(reply).as("an answer to each frame").isNotNull();
      assertThat(reply.get("refusal")).isNull();
      assertThat(reply.get("dropped")).isEqualTo(false);
      Map<String, Object> update = dashboard.poll(5, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - sent) / 1_000_000;
      assertThat(update).as("a dashboard update for each frame").isNotNull();
      assertThat(update.get("state")).isEqualTo(reply.get("state"));
      seen.add(new Seen((String) update.get("state"), millis));
    }
    return seen;
  }

  @Test
  void aStudentWithoutAnEnrolledFaceIsShownAsNotEnrolledNotGuessed() throws Exception {
    var klass = EngagementFixtures.openOnlineClass(directory, courses, 1, "identity");
    BlockingQueue<Map<String, Object>> replies = new LinkedBlockingQueue<>();
    try (var streaming = EngagementStomp.connect(port, EngagementStomp.signIn(port,
        klass.students().getFirst().email(), EngagementFixtures.PASSWORD))) {
      streaming.subscribe("/user/queue/engagement", replies::add);
      Thread.sleep(300);
      streaming.sendFrame(klass.session().id().value(), attentive.getFirst());
      Map<String, Object> reply = replies.poll(10, TimeUnit.SECONDS);
      assertThat(reply).isNotNull();
      assertThat(reply.get("identity")).isEqualTo("NOT_ENROLLED");
    }
  }

  @Test
  void onlyEnrolledStudentsOfAnOpenOnlineSessionStream() throws Exception {
    var online = EngagementFixtures.openOnlineClass(directory, courses, 0, "refuse");
    var inRoom = EngagementFixtures.openClass(directory, courses, 1, "room", new Place(12.97, 77.59, 100));
    var outsider = EngagementFixtures.account(directory, "outsider-" + java.util.UUID.randomUUID(), "Outsider",
        Role.STUDENT);
    BlockingQueue<Map<String, Object>> replies = new LinkedBlockingQueue<>();
    try (var stranger = EngagementStomp.connect(port, EngagementStomp.signIn(port, outsider.email(),
        EngagementFixtures.PASSWORD));
        var roomStudent = EngagementStomp.connect(port, EngagementStomp.signIn(port,
            inRoom.students().getFirst().email(), EngagementFixtures.PASSWORD))) {
      stranger.subscribe("/user/queue/engagement", replies::add);
      roomStudent.subscribe("/user/queue/engagement", replies::add);
      Thread.sleep(300);
      stranger.sendFrame(online.session().id().value(), attentive.getFirst());
      assertThat(replies.poll(10, TimeUnit.SECONDS)).containsEntry("refusal", "NOT_ENROLLED");
      roomStudent.sendFrame(inRoom.session().id().value(), attentive.getFirst());
      assertThat(replies.poll(10, TimeUnit.SECONDS)).containsEntry("refusal", "NOT_ONLINE");
    }
    assertThat(store.timelines(online.session().id())).isEmpty();
  }

  @Test
  void onlyTheCoursesTeachersSubscribeToItsDashboard() throws Exception {
    var klass = EngagementFixtures.openOnlineClass(directory, courses, 1, "watch");
    var other = EngagementFixtures.account(directory, "other-teacher-" + java.util.UUID.randomUUID(), "Other",
        Role.TEACHER);
    BlockingQueue<Map<String, Object>> seen = new LinkedBlockingQueue<>();
    try (var intruder = EngagementStomp.connect(port, EngagementStomp.signIn(port, other.email(),
        EngagementFixtures.PASSWORD));
        var student = EngagementStomp.connect(port, EngagementStomp.signIn(port,
            klass.students().getFirst().email(), EngagementFixtures.PASSWORD))) {
      intruder.subscribe("/topic/engagement/sessions/" + klass.session().id().value(), seen::add);
      // The broker answers a refused SUBSCRIBE with an ERROR frame and closes the connection.
      await().atMost(Duration.ofSeconds(10)).until(() -> !intruder.isConnected());
      student.sendFrame(klass.session().id().value(), attentive.getFirst());
      Thread.sleep(1000);
      assertThat(seen).isEmpty();
    }
  }
}
