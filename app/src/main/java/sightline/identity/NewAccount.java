package sightline.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create an account.
 *
 * @param password the first password, checked against the password policy; null for an account that signs in by
 *     one-time code only
 */
public record NewAccount(String email, String displayName, Set<Role> roles, @Nullable String department,
    @Nullable String password) {

  public NewAccount {
    roles = Set.copyOf(roles);
  }
}
