package sightline.identity.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Keeps text that is not valid UTF-16 away from Argon2. JSON can carry a lone surrogate ({@code "\udfff"}), and the
 * Argon2 implementation turns the password into UTF-8 bytes and throws on one, which made such a sign-in a 500
 * with a long stack trace and no history row. No password can contain one ({@link PasswordPolicy} refuses them), so
 * such text is a wrong password: it costs the same Argon2 work (on the text with each lone surrogate replaced) and
 * never matches.
 */
final class WellFormedPasswords implements PasswordEncoder {

  private final PasswordEncoder argon2;

  WellFormedPasswords(PasswordEncoder argon2) {
    this.argon2 = argon2;
  }

  /** Whether the text is valid UTF-16: every surrogate is half of a pair. */
  static boolean isWellFormed(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public @Nullable String encode(@Nullable CharSequence rawPassword) {
    if (rawPassword != null && !isWellFormed(rawPassword)) {
      throw new IllegalArgumentException("not a valid password: PasswordPolicy refuses lone surrogates first");
    }
    return argon2.encode(rawPassword);
  }

  @Override
  public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
    if (rawPassword != null && !isWellFormed(rawPassword)) {
      argon2.matches(rawPassword.toString().replaceAll("\\p{Cs}", "\uFFFD"), encodedPassword);
      return false;
    }
    return argon2.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(@Nullable String encodedPassword) {
    return argon2.upgradeEncoding(encodedPassword);
  }
}
