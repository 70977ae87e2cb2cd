package sightline.system;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who sees a menu item or a home card: people who are not signed in, everyone signed in, or those holding at least
 * one of some authorities (roles are authorities {@code ROLE_<name>}; {@code identity.Role.authority()} names them).
 * Seeing a link is not permission to follow it: the security rules still decide that.
 */
public record Audience(Kind kind, Set<String> authorities) {

  /** How an audience is chosen. */
  public enum Kind { EVERYONE, ANONYMOUS, SIGNED_IN, AUTHORITIES }

  public static final Audience EVERYONE = new Audience(Kind.EVERYONE, Set.of());
  public static final Audience ANONYMOUS = new Audience(Kind.ANONYMOUS, Set.of());
  public static final Audience SIGNED_IN = new Audience(Kind.SIGNED_IN, Set.of());

  public Audience {
    authorities = Set.copyOf(authorities);
    if ((kind == Kind.AUTHORITIES) == authorities.isEmpty()) {
      throw new IllegalArgumentException("authorities are given exactly when the kind is AUTHORITIES");
    }
  }

  /** Signed-in people holding at least one of {@code authorities}, e.g. {@code Role.TEACHER.authority()}. */
  public static Audience anyOf(String... authorities) {
    return new Audience(Kind.AUTHORITIES, Set.of(authorities));
  }

  /** Whether the person behind {@code who} (null or anonymous when nobody is signed in) belongs to this audience. */
  public boolean includes(@Nullable Authentication who) {
    boolean signedIn = isSignedIn(who);
    return switch (kind) {
      case EVERYONE -> true;
      case ANONYMOUS -> !signedIn;
      case SIGNED_IN -> signedIn;
      case AUTHORITIES -> signedIn && who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .anyMatch(authorities::contains);
    };
  }

  static boolean isSignedIn(@Nullable Authentication who) {
    return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
  }
}
