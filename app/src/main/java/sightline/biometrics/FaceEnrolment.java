package sightline.biometrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.ImageRejected;

/**
 * Face enrolment: consent, the guided camera enrolment (frame by frame, with a hint for every refused frame),
 * enrolment from photos by an administrator, status, and deletion of everything biometric about a person.
 *
 * <p>Every picture is judged on the server's own analysis ({@link FaceEngine}) by the quality gates: exactly one
 * face, at least 80 px (and, from a camera, 12.5% of the frame width), |yaw| and |pitch| ≤ 20°, brightness 0.25–0.85,
 * sharpness, and for camera frames a passive live score of at least {@link FaceMatching#livenessThreshold()}
 * (photos are exempt: they are photos, and the administrator vouches for them). Then the frame must show the same
 * person as the frames accepted before it, must not repeat one of them (a frozen or replayed feed), and must not be
 * someone else who is already enrolled: a face that scores 0.5 or more against another enrolled person is refused (so
 * nobody can enrol as a second identity of someone else, or make face-only sign-in ambiguous); one between the match
 * threshold and that value is accepted and logged, because at FAR 1e-3 a large school has many look-alike pairs and
 * refusing them would lock real people out.
 *
 * <p>A camera enrolment keeps its accepted frames in memory until it has {@link #FRAMES_PER_ENROLMENT}, then stores
 * them in one transaction; enrolling again replaces the previous templates. Templates are sealed with
 * {@link TemplateCipher} (owner {@code account:<uuid>} as associated data, key id stored). Pictures are never stored.
 * Inference never runs inside a transaction. Thread-safe.
 */
public interface FaceEnrolment {

  /** The version of the consent text ({@code face.consent.text} in the messages) people agree to. */
  String CONSENT_VERSION = "2026-12-07";
  /** Accepted camera frames one enrolment stores as templates. */
  int FRAMES_PER_ENROLMENT = 3;
  /** Photos an administrator may enrol at once (each accepted one becomes a template). */
  int MAX_PHOTOS = 5;

  /**
   * The answer to one camera frame.
   *
   * @param accepted       whether the frame was kept
   * @param hint           why not, when it was refused
   * @param acceptedFrames frames accepted in this enrolment so far (back to 0 once it completed)
   * @param framesNeeded   {@link #FRAMES_PER_ENROLMENT}
   * @param complete       the enrolment has just been stored
   */
  record FrameAnswer(boolean accepted, @Nullable EnrolmentHint hint, int acceptedFrames, int framesNeeded,
      boolean complete) {
  }

  /**
   * The answer to an enrolment from photos.
   *
   * @param hints  one entry per photo, in order: null when it was accepted, else why not
   * @param stored templates stored (0 when no photo was accepted; the previous templates then stay)
   * @param status the enrolment afterwards
   */
  record PhotoAnswer(List<@Nullable EnrolmentHint> hints, int stored, EnrolmentStatus status) {

    public PhotoAnswer {
      hints = Collections.unmodifiableList(new ArrayList<>(hints));
    }
  }

  /**
   * Records that {@code person} agreed to the consent text {@code consentVersion}.
   *
   * @param recordedBy the person, or the administrator recording it on their behalf
   * @throws ConsentOutdated when the version is not {@link #CONSENT_VERSION}
   */
  EnrolmentStatus recordConsent(AccountId person, String consentVersion, AccountId recordedBy);

  /** Where the person's enrolment stands. */
  EnrolmentStatus status(AccountId person);

  /**
   * Judges one frame of the guided camera enrolment (a JPEG or PNG camera frame).
   *
   * @throws ImageRejected    when the bytes are not a picture Sightline decodes
   * @throws ConsentRequired  when the person has not agreed to the current consent text
   */
  FrameAnswer enrolFrame(AccountId person, byte[] encoded);

  /**
   * Judges one decoded camera frame; see {@link #enrolFrame(AccountId, byte[])}. Once
   * {@link #FRAMES_PER_ENROLMENT} frames are accepted they replace the person's templates and {@link FaceEnrolled}
   * is published.
   *
   * @throws ConsentRequired  when the person has not agreed to the current consent text
   */
  FrameAnswer enrolFrame(AccountId person, Image frame);

  /** Forgets the frames accepted in the person's unfinished camera enrolment. */
  void restart(AccountId person);

  /**
   * Enrols {@code person} from uploaded photos (an administrator, for people without a camera), recording the
   * administrator's confirmation of the person's consent first. Each photo must pass the gates (liveness excepted)
   * and show the same person as the first accepted one; the accepted ones replace the person's templates.
   *
   * @throws ImageRejected      when a photo is not a picture Sightline decodes (nothing is stored)
   * @throws ConsentOutdated    when {@code consentVersion} is not the current one
   * @throws PhotoCountRefused  for no photo or more than {@link #MAX_PHOTOS}
   */
  PhotoAnswer enrolPhotos(AccountId person, List<byte[]> photos, String consentVersion, AccountId admin);

  /**
   * Deletes every face template, the consent and any audit frames of the person themselves (rows deleted, not
   * flagged), and forgets them in the index; publishes {@link BiometricDataDeleted}. Decision audit rows stay: they
   * hold scores and ids, no biometric data.
   *
   * @return the number of template rows deleted
   */
  int delete(AccountId person);

  /** As {@link #delete(AccountId)}, done by {@code deletedBy} (the person or an administrator). */
  int delete(AccountId person, AccountId deletedBy);
}
