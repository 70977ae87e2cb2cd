package sightline.identity.totp;

import java.util.Set;
import sightline.identity.AccountId;
import sightline.identity.Role;

/** An administrator changed which roles must use a second factor; {@code required} is the new set. */
public record TwoFactorRequirementChanged(Set<Role> required, AccountId admin) {

  public TwoFactorRequirementChanged {
    required = Set.copyOf(required);
  }
}
