package sightline.attendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.attendance.CheckInMethod;
import sightline.attendance.CheckInRecorded;
import sightline.attendance.ReportsTestData;
import sightline.attendance.record.AttendanceRecords;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check-ins and corrections reach a webhook receiver on this machine (a JDK HTTP server): while it refuses
 * connections and then answers 503, every event waits in the outbox and is retried; once it answers, every event
 * arrives exactly once per event id with a signature the receiver verifies with the secret it was shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookDeliveryIntegrationTests {

  @Autowired
  Webhooks webhooks;
  @Autowired
  AccountDirectory accounts;
  @Autowired
  CoursesService courses;
  @Autowired
  AttendanceRecords records;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionOperations transactions;

  private final JsonMapper json = JsonMapper.builder().build();
  private HttpServer receiver;

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void everyEventArrivesOnceSignedAfterTheReceiverWasDownForAWhile() throws Exception {
    int port;
    try (var probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    var created = webhooks.create("Test receiver " + UUID.randomUUID(), "http://127.0.0.1:" + port + "/hook",
        EnumSet.allOf(WebhookEventType.class), UUID.randomUUID());
    var data = new ReportsTestData(accounts, courses, records);
    var teacher = data.account(Role.TEACHER, "Webhook Teacher");
    var course = data.course(teacher, 75);
    var session = data.session(course, teacher, "Week 1", Instant.now().minus(Duration.ofHours(2)));
    Set<UUID> checkIns = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 3; i++) {
      var student = data.account(Role.STUDENT, "Webhook Student " + i);
      data.enrol(course, student, teacher);
      checkIns.add(data.mark(session, student, AttendanceStatus.PRESENT, teacher).id().value());
    }
    var corrected = records.correct(new CheckInId(checkIns.iterator().next()), AttendanceStatus.EXCUSED,
        "doctor's note", teacher.id());

    // Nothing listens on the port: each delivery is refused and waits longer before its next attempt.
    await(Duration.ofSeconds(30), () -> deliveries(created.id()).size() == 4
        && deliveries(created.id()).stream().allMatch(d -> d.attempts() >= 2 && d.pending()));
    assertThat(deliveries(created.id())).allSatisfy(d -> assertThat(d.lastError()).contains("Connect"));

    // The receiver comes up, answers 503 three times, then accepts; it checks every signature.
    List<String> bodies = new CopyOnWriteArrayList<>();
    List<String> badSignatures = new CopyOnWriteArrayList<>();
    Map<String, Integer> acceptedById = new ConcurrentHashMap<>();
    AtomicInteger requests = new AtomicInteger();
    byte[] secret = created.secret().getBytes(StandardCharsets.UTF_8);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String id = exchange.getRequestHeaders().getFirst("X-Sightline-Event-Id");
      long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Sightline-Timestamp"));
      if (!WebhookSignature.verify(secret, timestamp, body,
          exchange.getRequestHeaders().getFirst("X-Sightline-Signature"))) {
        badSignatures.add(id);
      }
      int status = requests.incrementAndGet() <= 3 ? 503 : 204;
      if (status == 204) {
        acceptedById.merge(id, 1, Integer::sum);
        bodies.add(body);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();

    await(Duration.ofSeconds(60), () -> deliveries(created.id()).stream()
        .allMatch(d -> d.status() == WebhookDelivery.Status.DELIVERED));

    var delivered = deliveries(created.id());
    assertThat(badSignatures).isEmpty();
    assertThat(acceptedById.keySet()).containsExactlyInAnyOrderElementsOf(
        delivered.stream().map(d -> d.eventId().toString()).toList());
    assertThat(acceptedById.values()).as("each event accepted once").containsOnly(1);
    List<JsonNode> payloads = bodies.stream().map(json::readTree).toList();
    assertThat(payloads).filteredOn(p -> p.get("type").asString().equals("CheckInRecorded"))
        .extracting(p -> UUID.fromString(p.get("data").get("checkIn").asString()))
        .containsExactlyInAnyOrderElementsOf(checkIns);
    assertThat(payloads).filteredOn(p -> p.get("type").asString().equals("CheckInCorrected")).singleElement()
        .satisfies(p -> {
          assertThat(p.get("data").get("checkIn").asString()).isEqualTo(corrected.id().toString());
          assertThat(p.get("data").get("to").asString()).isEqualTo("EXCUSED");
          assertThat(p.get("data").get("remark").asString()).isEqualTo("doctor's note");
        });
    assertThat(payloads).allSatisfy(p -> assertThat(acceptedById).containsKey(p.get("id").asString()));
    assertThat(delivered).filteredOn(d -> d.attempts() >= 3).isNotEmpty();
  }

  @Test
  void anEventWhoseTransactionRollsBackIsNeverQueued() throws IOException {
    var created = webhooks.create("Rollback receiver " + UUID.randomUUID(), "http://127.0.0.1:9/none",
        EnumSet.of(WebhookEventType.CheckInRecorded), UUID.randomUUID());
    var checkIn = CheckInId.random();

    transactions.executeWithoutResult(tx -> {
      events.publishEvent(new CheckInRecorded(checkIn, ClassSessionId.random(), CourseId.random(), AccountId.random(),
          AttendanceStatus.PRESENT, CheckInMethod.SELF, 0.71, Instant.now()));
      assertThat(deliveries(created.id())).as("queued inside the check-in's transaction").hasSize(1);
      tx.setRollbackOnly();
    });

    assertThat(deliveries(created.id())).isEmpty();
    webhooks.delete(created.id());
  }

  @Test
  void aDisabledWebhookReceivesNothingNewAndADeletedOneTakesItsLogAlong() {
    var created = webhooks.create("Disabled receiver " + UUID.randomUUID(), "http://127.0.0.1:9/none",
        EnumSet.of(WebhookEventType.CheckInRecorded), UUID.randomUUID());
    webhooks.disable(created.id());

    transactions.executeWithoutResult(tx -> events.publishEvent(new CheckInRecorded(CheckInId.random(),
        ClassSessionId.random(), CourseId.random(), AccountId.random(), AttendanceStatus.PRESENT, CheckInMethod.SELF,
        null, Instant.now())));

    assertThat(deliveries(created.id())).isEmpty();
    assertThat(webhooks.get(created.id()).active()).isFalse();
    webhooks.delete(created.id());
    assertThat(webhooks.list()).noneMatch(hook -> hook.id().equals(created.id()));
  }

  private List<Webhooks.DeliveryView> deliveries(UUID webhook) {
    return webhooks.deliveries(webhook, 0, 100).getContent();
  }

  private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
