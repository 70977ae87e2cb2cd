package sightline.identity.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.identity.Role;

/** What an administrator may change on an account's profile. */
public record AccountChanges(String displayName, @Nullable String department, Set<Role> roles) {

  public AccountChanges {
    roles = Set.copyOf(roles);
  }
}
