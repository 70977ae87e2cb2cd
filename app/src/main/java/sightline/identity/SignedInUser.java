package sightline.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * Who is signed in, as every module sees it (the Spring Security principal). Kept in the HTTP session, so it holds
 * only what pages need and never a secret.
 */
public record SignedInUser(AccountId id, String email, String displayName, Set<Role> roles)
    implements Principal, Serializable {

  public SignedInUser {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public String getName() {
    return email;
  }
}
