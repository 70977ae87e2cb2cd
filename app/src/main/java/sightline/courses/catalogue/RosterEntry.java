package sightline.courses.catalogue;

import java.time.Instant;
import sightline.identity.AccountId;

/** One student on a course's roster, as teachers see it. */
public record RosterEntry(AccountId student, String displayName, String email, Instant enrolledAt,
    EnrolmentSource source) {
}
