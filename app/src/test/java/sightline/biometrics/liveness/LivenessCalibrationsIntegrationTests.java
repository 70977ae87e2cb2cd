package sightline.biometrics.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessFrameAnswer;
import sightline.biometrics.LivenessPurpose;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.Point;

/** Site calibrations against the real database and face models: who may accept when, and what staff sessions count. */
@LivenessTestApplication
class LivenessCalibrationsIntegrationTests {

  @Autowired
  LivenessCalibrations calibrations;

  @Autowired
  LivenessSessionsService sessions;

  @Autowired
  LivenessPolicies policies;

  @Autowired
  FailureLimits failures;

  @Autowired
  AccountDirectory directory;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  FaceEngine faces;

  private AccountView admin() {
    return directory.create(new NewAccount("calibration-" + UUID.randomUUID() + "@example.org", "Admin",
        EnumSet.of(Role.ADMIN), null, "a long calibration admin password"));
  }

  /** A calibration with three judged staff sessions, written as the sessions' end would write them. */
  private UUID calibrationWithSessions(AccountView admin) {
    UUID calibration = calibrations.start(admin.id()).id();
    Instant now = Instant.now();
    for (double score : new double[] {0.62, 0.71, 0.83}) {
      UUID session = UUID.randomUUID();
      jdbc.sql("INSERT INTO biometrics.liveness_session (id, purpose, subject_id, client_address, outcome, reasons, "
              + "passive_liveness_score, frames, started_at, ended_at, policy_version, passive_threshold) "
              + "VALUES (?, 'SELF_TEST', ?, '198.51.100.60', 'PASSED', '', ?, 40, ?, ?, ?, ?)")
          .params(session, admin.id().value(), score, Timestamp.from(now), Timestamp.from(now),
              policies.current().version(), policies.current().threshold())
          .update();
      jdbc.sql("INSERT INTO biometrics.liveness_calibration_session (calibration_id, session_id) VALUES (?, ?)")
          .params(calibration, session).update();
    }
    return calibration;
  }

  @Test
  void aCalibrationSetAsideByANewerOneCanNeitherTakeSessionsNorBeAccepted() throws Exception {
    var admin = admin();
    SitePolicy before = policies.current();
    UUID older = calibrationWithSessions(admin);
    Thread.sleep(5);
    UUID newer = calibrationWithSessions(admin);
    try {
      assertThatThrownBy(() -> calibrations.accept(older, 0.05, admin.id())).isInstanceOf(CalibrationClosed.class);
      assertThatThrownBy(() -> calibrations.startSession(older, admin.id(), "198.51.100.60"))
          .isInstanceOf(CalibrationClosed.class);
      assertThat(policies.current().version()).as("nothing adopted").isEqualTo(before.version());

      SitePolicy adopted = calibrations.accept(newer, 0.05, admin.id());
      assertThat(adopted.source()).isEqualTo(SitePolicy.Source.CALIBRATION);
      assertThat(calibrations.latest().orElseThrow().acceptedVersion()).isEqualTo(adopted.version());
    } finally {
      policies.adopt(LivenessPolicies.Change.of(before), SitePolicy.Source.ADMIN, "test: restored", admin.id());
    }
  }

  @Test
  void twoAdministratorsAcceptingAtOnceAdoptOneVersionAndTheOtherIsToldTheCalibrationIsClosed() throws Exception {
    var admin = admin();
    SitePolicy before = policies.current();
    // Two threads of their own: the common pool has one on a two-core machine.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        UUID calibration = calibrationWithSessions(admin);
        int versionBefore = policies.current().version();
        var barrier = new CyclicBarrier(2);
        List<CompletableFuture<Object>> accepts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          accepts.add(CompletableFuture.supplyAsync(() -> {
            try {
              barrier.await(10, TimeUnit.SECONDS);
              return calibrations.accept(calibration, 0.05, admin.id());
            } catch (RuntimeException refused) {
              return refused;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, threads));
        }
        List<Object> results = new ArrayList<>();
        for (var accept : accepts) results.add(accept.get(30, TimeUnit.SECONDS));
        assertThat(results).as("round %d", round).filteredOn(SitePolicy.class::isInstance).hasSize(1);
        assertThat(results).as("round %d", round).filteredOn(RuntimeException.class::isInstance).singleElement()
            .isInstanceOf(CalibrationClosed.class);
        assertThat(policies.current().version()).isEqualTo(versionBefore + 1);
        assertThat(calibrations.latest().orElseThrow().acceptedVersion()).isEqualTo(versionBefore + 1);
      }
    } finally {
      threads.shutdownNow();
      policies.adopt(LivenessPolicies.Change.of(before), SitePolicy.Source.ADMIN, "test: restored", admin.id());
    }
  }

  @Test
  void failedCalibrationSessionsDoNotCountTowardTheFailureLimits() {
    var admin = admin();
    var synthetic = SyntheticLivenessFrames.sample3(faces);
    byte[] neutral = SyntheticLivenessFrames.jpeg(synthetic.neutral());
    byte[] stranger = SyntheticLivenessFrames.jpeg(
        SyntheticLivenessFrames.of(faces, "sample5", new Point(1196, 317)).neutral());
    String address = "198.51.100." + (100 + (int) (Math.random() * 100));
    UUID calibration = calibrations.start(admin.id()).id();

    LivenessChallenge staff = calibrations.startSession(calibration, admin.id(), address);
    assertThat(failWithAnotherFace(staff, neutral, stranger)).isEqualTo(LivenessFrameAnswer.State.FAILED);
    assertThat(failures.addressFailures(address, Instant.now())).as("a calibration session's failure").isZero();

    LivenessChallenge ordinary = sessions.start(LivenessPurpose.SELF_TEST, admin.id(), address);
    assertThat(failWithAnotherFace(ordinary, neutral, stranger)).isEqualTo(LivenessFrameAnswer.State.FAILED);
    assertThat(failures.addressFailures(address, Instant.now())).as("an ordinary session's failure").isEqualTo(1);
  }

  private LivenessFrameAnswer.State failWithAnotherFace(LivenessChallenge session, byte[] neutral, byte[] stranger) {
    LivenessFrameAnswer answer = null;
    for (int i = 0; i < 3; i++) answer = sessions.submitFrame(session.id(), session.nonce(), neutral);
    for (int i = 0; i < 3 && answer.state() == LivenessFrameAnswer.State.RUNNING; i++) {
      answer = sessions.submitFrame(session.id(), session.nonce(), stranger);
    }
    return answer.state();
  }
}
