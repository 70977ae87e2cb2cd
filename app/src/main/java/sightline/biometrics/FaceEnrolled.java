package sightline.biometrics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * A person's face templates were stored (a first enrolment or one that replaced the previous templates). Published
 * inside the enrolment's transaction; stored as JSON in the event publication table, so it carries ids, counts and
 * times only. Part of the biometrics API: add fields, never rename or remove.
 *
 * @param account    whose face
 * @param templates  how many templates the person has now
 * @param source     {@code CAMERA} (guided enrolment) or {@code PHOTO} (administrator upload)
 * @param enrolledBy the person themselves or the administrator who uploaded photos
 * @param at         when
 */
public record FaceEnrolled(AccountId account, int templates, EnrolmentSource source,
    @Nullable AccountId enrolledBy, Instant at) {
}
