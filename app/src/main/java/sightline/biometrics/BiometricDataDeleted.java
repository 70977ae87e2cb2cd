package sightline.biometrics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * Every face template, the consent and any audit frames of a person were deleted (rows removed, not flagged).
 * Published inside the deletion's transaction; ids, counts and times only. Part of the biometrics API: add fields,
 * never rename or remove.
 *
 * @param account          whose data
 * @param templatesDeleted how many template rows were removed
 * @param deletedBy        the person themselves or an administrator
 * @param at               when
 */
public record BiometricDataDeleted(AccountId account, int templatesDeleted, @Nullable AccountId deletedBy,
    Instant at) {
}
