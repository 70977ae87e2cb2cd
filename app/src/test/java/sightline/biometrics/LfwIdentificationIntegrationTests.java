package sightline.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import sightline.Datasets;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Purpose;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;

/**
 * CI only (LFW deep-funneled in the shared datasets): enrol 20 LFW people from their first photo through the real
 * enrolment path, then search everyone with one photo each of 50 people who were never enrolled. Identification must
 * answer UNKNOWN for them (a false accept is a stranger taken for an enrolled person); a second photo of each
 * enrolled person should be found. The counts are printed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LfwIdentificationIntegrationTests {

  private static final int ENROLLED = 20;
  private static final int STRANGERS = 50;

  @Autowired FaceEnrolment enrolment;
  @Autowired FaceMatching matching;
  @Autowired FaceEngine engine;
  @Autowired ImageInput images;
  @Autowired AccountDirectory directory;

  @Test
  void peopleNeverEnrolledAreUnknown() throws IOException {
    Path images = Datasets.require("faces/lfw-deepfunneled").resolve("images");
    List<Path> people;
    try (Stream<Path> dirs = Files.list(images)) {
      people = dirs.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
    }
    AccountId admin = directory.create(new NewAccount("lfw-admin-" + UUID.randomUUID() + "@example.org", "LFW Admin",
        EnumSet.of(Role.ADMIN), null, "a long lfw admin password")).id();
    List<AccountId> accounts = new ArrayList<>();
    List<Path> secondPhotos = new ArrayList<>();
    int refused = 0;
    int next = 0;
    try {
      // People with at least two photos, in name order, enrolled from the first one; a photo the gates refuse
      // (another face in the background, a turned head) is skipped, as an administrator would choose another.
      while (accounts.size() < ENROLLED && next < people.size()) {
        List<Path> photos = photos(people.get(next++));
        if (photos.size() < 2) {
          continue;
        }
        AccountId account = directory.create(new NewAccount("lfw-" + UUID.randomUUID() + "@example.org",
            people.get(next - 1).getFileName().toString(), EnumSet.of(Role.STUDENT), null, "a long lfw password")).id();
        var answer = enrolment.enrolPhotos(account, List.of(Files.readAllBytes(photos.get(0))),
            FaceEnrolment.CONSENT_VERSION, admin);
        if (answer.stored() == 0) {
          refused++;
          enrolment.delete(account, admin); // the consent the administrator recorded
          continue;
        }
        accounts.add(account);
        secondPhotos.add(photos.get(1));
      }
      assertThat(accounts).hasSize(ENROLLED);

      int found = 0;
      for (int i = 0; i < ENROLLED; i++) {
        FaceDecision decision = identify(secondPhotos.get(i));
        if (decision.isMatch() && accounts.get(i).equals(decision.matched())) {
          found++;
        }
      }

      int strangers = 0;
      int falseAccepts = 0;
      int ambiguous = 0;
      for (int i = next; i < people.size() && strangers < STRANGERS; i++) {
        FaceDecision decision = identify(photos(people.get(i)).get(0));
        if (decision.outcome() == Outcome.NO_FACE) {
          continue;
        }
        strangers++;
        if (decision.isMatch()) {
          falseAccepts++;
          System.out.printf("LFW false accept: %s taken for %s at %.3f%n", people.get(i).getFileName(),
              directory.find(decision.matched()).orElseThrow().displayName(), decision.similarity());
        } else if (decision.outcome() == Outcome.AMBIGUOUS) {
          ambiguous++;
        } else {
          assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN);
        }
      }
      System.out.printf("LFW identification: %d enrolled (%d refused by the gates), %d of %d found from a second "
              + "photo; %d never-enrolled people searched: %d false accepts, %d ambiguous, %d unknown%n",
          ENROLLED, refused, found, ENROLLED, strangers, falseAccepts, ambiguous, strangers - falseAccepts - ambiguous);
      assertThat(strangers).isEqualTo(STRANGERS);
      // 50 strangers x 20 enrolled = 1,000 impostor comparisons; at the threshold's target FAR of 1e-3 about one
      // false accept is expected. Measured 2026-12-07: 3 (0.342, 0.344 and 0.397; two against the same enrolled
      // person), i.e. 3e-3 per comparison and 6% of strangers. More than 5 (Poisson(1) gives that 0.06% of the time)
      // means the threshold has drifted far from its target.
      assertThat(falseAccepts).as("strangers taken for an enrolled person").isLessThanOrEqualTo(5);
      assertThat(found).as("enrolled people found from another photo").isGreaterThanOrEqualTo(ENROLLED - 2);
    } finally {
      accounts.forEach(enrolment::delete);
    }
  }

  /** The face nearest the centre of an LFW photo (the person it is named after), searched among everyone. */
  private FaceDecision identify(Path photo) throws IOException {
    var image = images.decode(Files.readAllBytes(photo), ImageUse.PHOTO);
    List<DetectedFace> faces = engine.analyze(image, Set.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS));
    if (faces.isEmpty()) {
      return matching.identify(image, null, Purpose.PHOTO_CHECK, null);
    }
    double cx = image.width() / 2.0;
    double cy = image.height() / 2.0;
    DetectedFace central = faces.stream().min(Comparator.comparingDouble(f -> {
      double x = (f.box().left() + f.box().right()) / 2 - cx;
      double y = (f.box().top() + f.box().bottom()) / 2 - cy;
      return x * x + y * y;
    })).orElseThrow();
    return matching.identify(central.embedding(), null, central.liveness().liveScore(), Purpose.PHOTO_CHECK, null);
  }

  private static List<Path> photos(Path person) throws IOException {
    try (Stream<Path> files = Files.list(person)) {
      return files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
    }
  }
}
