package sightline.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * The biometrics module booted with the modules it depends on (identity, and the shared system), without faceapi or
 * any module still to come. Driven through its API as another module would drive it, it announces a person's face
 * data coming and going with the events other modules (attendance, audit) listen to.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class BiometricsModuleTests {

  @Autowired
  FaceEnrolment enrolment;

  @Autowired
  AccountDirectory directory;

  @Test
  void enrolmentAndDeletionOfAPersonsFaceAreAnnounced(Scenario scenario) {
    AccountId person = directory.create(new NewAccount("module-face-" + UUID.randomUUID() + "@example.org",
        "Module Face", Set.of(Role.STUDENT), null, null)).id();
    List<byte[]> photos = FaceFixtures.POSES.subList(0, 2).stream()
        .map(pose -> FaceFixtures.jpeg(FaceFixtures.ANA, pose)).toList();

    // Not in a test transaction: enrolment runs inference first, then commits in a short transaction of its own.
    scenario.stimulate(tx -> enrolment.enrolPhotos(person, photos, FaceEnrolment.CONSENT_VERSION, person))
        .andWaitForEventOfType(FaceEnrolled.class)
        .matching(event -> event.account().equals(person))
        .toArriveAndVerify((event, answer) -> {
          assertThat(answer.stored()).isEqualTo(2);
          assertThat(event.templates()).isEqualTo(2);
          assertThat(event.source()).isEqualTo(EnrolmentSource.PHOTO);
          assertThat(enrolment.status(person).enrolled()).isTrue();
        });

    scenario.stimulate(tx -> enrolment.delete(person))
        .andWaitForEventOfType(BiometricDataDeleted.class)
        .matching(event -> event.account().equals(person))
        .toArriveAndVerify(event -> {
          assertThat(event.templatesDeleted()).isEqualTo(2);
          assertThat(enrolment.status(person).enrolled()).isFalse();
          assertThat(enrolment.status(person).consented()).isFalse();
        });
  }
}
