package sightline.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import sightline.identity.AccountId;
import sightline.vision.ImageRejected;

/**
 * The diagnosis module booted alone (with the shared system module): driven through its API, it diagnoses a leaf,
 * stores only a re-encoded picture with the model's version, announces {@link DiagnosisCompleted}, asks for a retake
 * when the picture is no leaf, and keeps each person's diagnoses to themselves.
 */
@ApplicationModuleTest
class DiagnosisModuleTests {

  @Autowired
  Diagnoses diagnoses;

  @Test
  void aDiagnosedLeafIsStoredWithItsModelVersionAndAnnounced(Scenario scenario) {
    AccountId farmer = AccountId.random();
    byte[] photo = LeafPictures.withExif(LeafPictures.spottedLeaf(300, 200), 6);

    // Not in a test transaction: diagnosis classifies first, then commits in a short transaction of its own.
    scenario.stimulate(tx -> diagnoses.diagnose(farmer, photo))
        .andWaitForEventOfType(DiagnosisCompleted.class)
        .matching(event -> event.account().equals(farmer))
        .toArriveAndVerify((event, diagnosis) -> {
          assertThat(event.diagnosis()).isEqualTo(diagnosis.id());
          assertThat(event.outcome()).isEqualTo(Outcome.DIAGNOSED);
          assertThat(diagnosis.top()).hasSize(5);
          assertThat(diagnosis.best().label()).isEqualTo("apple_cedar_apple_rust");
          assertThat(diagnosis.modelVersion()).isEqualTo(event.modelVersion()).startsWith("pv16-");
          assertThat(diagnoses.get(farmer, diagnosis.id())).isEqualTo(diagnosis);
        });
  }

  @Test
  void theStoredPictureIsTurnedUprightAndCarriesNoExifOrGps() throws IOException {
    AccountId farmer = AccountId.random();
    byte[] photo = LeafPictures.withExif(LeafPictures.spottedLeaf(300, 200), 6);
    assertThat(LeafPictures.contains(photo, "SIGHTLINE-GPS")).isTrue();

    DiagnosisView diagnosis = diagnoses.diagnose(farmer, photo);

    byte[] stored = diagnoses.picture(farmer, diagnosis.id(), false);
    assertThat(LeafPictures.contains(stored, "Exif")).isFalse();
    assertThat(LeafPictures.contains(stored, "SIGHTLINE-GPS")).isFalse();
    var upright = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(upright.getWidth()).isEqualTo(200);   // orientation 6: the 300x200 sensor picture is 200x300 upright
    assertThat(upright.getHeight()).isEqualTo(300);
    var thumbnail = ImageIO.read(new ByteArrayInputStream(diagnoses.picture(farmer, diagnosis.id(), true)));
    assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isLessThanOrEqualTo(160);
  }

  @Test
  void aPictureWithoutALeafAsksForARetake() {
    DiagnosisView diagnosis = diagnoses.diagnose(AccountId.random(), LeafPictures.grey(320, 240));

    assertThat(diagnosis.outcome()).isEqualTo(Outcome.RETAKE);
    assertThat(diagnosis.rejectReason()).isNotNull();
    assertThat(diagnosis.top()).hasSize(5);
  }

  @Test
  void aPictureThatIsNoImageOrTooSmallIsRefused() {
    AccountId farmer = AccountId.random();
    assertThatThrownBy(() -> diagnoses.diagnose(farmer, "not a picture".getBytes()))
        .isInstanceOf(ImageRejected.class);
    assertThatThrownBy(() -> diagnoses.diagnose(farmer, LeafPictures.spottedLeaf(64, 64)))
        .isInstanceOf(PhotoTooSmall.class);
  }

  @Test
  void peopleSeeCorrectAndDeleteOnlyTheirOwnDiagnoses() {
    AccountId farmer = AccountId.random();
    AccountId neighbour = AccountId.random();
    DiagnosisView diagnosis = diagnoses.diagnose(farmer, LeafPictures.spottedLeaf(256, 256));

    assertThatThrownBy(() -> diagnoses.get(neighbour, diagnosis.id())).isInstanceOf(DiagnosisNotFound.class);
    assertThatThrownBy(() -> diagnoses.delete(neighbour, diagnosis.id())).isInstanceOf(DiagnosisNotFound.class);
    assertThatThrownBy(() -> diagnoses.recordFeedback(farmer, diagnosis.id(), "banana_wilt"))
        .isInstanceOf(UnknownPlantClass.class);

    DiagnosisView corrected = diagnoses.recordFeedback(farmer, diagnosis.id(), "apple_apple_scab");
    assertThat(corrected.feedback()).isNotNull();
    assertThat(corrected.feedback().correct()).isFalse();
    assertThat(corrected.feedback().label()).isEqualTo("apple_apple_scab");
    assertThat(diagnoses.recordFeedback(farmer, diagnosis.id(), null).feedback().correct()).isTrue();

    assertThat(diagnoses.history(farmer, 0, 10).getContent()).extracting(DiagnosisView::id)
        .containsExactly(diagnosis.id());
    diagnoses.delete(farmer, diagnosis.id());
    assertThatThrownBy(() -> diagnoses.picture(farmer, diagnosis.id(), false))
        .isInstanceOf(DiagnosisNotFound.class);
    assertThat(diagnoses.history(farmer, 0, 10).getTotalElements()).isZero();
  }
}
