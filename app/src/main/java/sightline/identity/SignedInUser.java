package sightline.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is signed in, as every module sees it (the Spring Security principal). Kept in the HTTP session, so it holds
 * only what pages need and never a secret.
 */
public record SignedInUser(AccountId id, String email, String displayName, Set<Role> roles)
    implements Principal, Serializable {

  public SignedInUser {
    roles = Set.copyOf(roles);
  }

  /** The signed-in user of an account as it is now. */
  public static SignedInUser of(AccountView account) {
    return new SignedInUser(account.id(), account.email(), account.displayName(), account.roles());
  }

  /** The Spring Security authorities of the roles, {@code ROLE_<name>}. */
  public List<GrantedAuthority> authorities() {
    return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
  }

  /** An authenticated token for this user, as every sign-in method hands to Spring Security. */
  public UsernamePasswordAuthenticationToken authentication() {
    return UsernamePasswordAuthenticationToken.authenticated(this, null, authorities());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public String getName() {
    return email;
  }
}
