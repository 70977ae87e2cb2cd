package sightline.biometrics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * Where a person's face enrolment stands.
 *
 * @param account          whose
 * @param consentVersion   the consent text version they agreed to; null when there is no consent on record
 * @param consentedAt      when; null without consent
 * @param consentRecordedBy who recorded it (the person, or an administrator on their behalf); null without consent
 * @param templates        how many templates are stored (0 when not enrolled)
 * @param enrolledAt       when the current templates were stored; null when there are none
 * @param pendingFrames    frames accepted in an unfinished camera enrolment (kept in memory only)
 * @param framesNeeded     accepted frames a camera enrolment needs, {@link FaceEnrolment#FRAMES_PER_ENROLMENT}
 */
public record EnrolmentStatus(AccountId account, @Nullable String consentVersion, @Nullable Instant consentedAt,
    @Nullable AccountId consentRecordedBy, int templates, @Nullable Instant enrolledAt, int pendingFrames,
    int framesNeeded) {

  /** Whether consent is on record (of any version). */
  public boolean consented() {
    return consentVersion != null;
  }

  /** Whether the person has templates, so verification and identification can find them. */
  public boolean enrolled() {
    return templates > 0;
  }
}
