package sightline.identity.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;

/**
 * Which sign-in attempts to list; every part is optional.
 *
 * @param identifier part of the typed e-mail or phone, any case
 * @param from inclusive lower bound; {@code to} is exclusive
 */
public record SignInFilter(@Nullable String identifier, @Nullable SignInOutcome outcome,
    @Nullable SignInMethod method, @Nullable Instant from, @Nullable Instant to) {

  public static SignInFilter none() {
    return new SignInFilter(null, null, null, null, null);
  }
}
