package sightline.identity.directory;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Makes sure a new installation can get its first administrator without any built-in password: from
 * {@code sightline.admin.email}/{@code .password}/{@code .name} when set, else through a one-time setup link that
 * is printed in the log and works only until an administrator exists.
 */
@Component
public class FirstAdministrator {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final AccountDirectoryService directory;
  private final Environment environment;
  private final AtomicReference<byte @Nullable []> setupToken = new AtomicReference<>();

  FirstAdministrator(AccountDirectoryService directory, Environment environment) {
    this.directory = directory;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureAdministrator() {
    if (directory.hasAdministrator()) {
      return;
    }
    String email = environment.getProperty("sightline.admin.email", "");
    String password = environment.getProperty("sightline.admin.password", "");
    if (!email.isBlank() && !password.isBlank()) {
      directory.create(new NewAccount(email, environment.getProperty("sightline.admin.name", "Administrator"),
          EnumSet.of(Role.ADMIN), null, password));
      log.info("Created the first administrator, {}, from configuration", email);
      return;
    }
    byte[] token = new byte[24];
    new SecureRandom().nextBytes(token);
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    setupToken.set(digest(text));
    log.warn("No administrator yet. Open http://localhost:{}/setup?token={} to create one "
        + "(the link works once, until an administrator exists).",
        environment.getProperty("local.server.port", "8080"), text);
  }

  /** Whether {@code token} is the current setup token and no administrator exists yet. */
  public boolean acceptsSetupToken(@Nullable String token) {
    byte[] expected = setupToken.get();
    return token != null && expected != null && MessageDigest.isEqual(expected, digest(token))
        && !directory.hasAdministrator();
  }

  /** Creates the first administrator with a valid setup token, which then stops working. */
  public AccountView createWithToken(String token, NewAccount administrator) {
    if (!acceptsSetupToken(token)) {
      throw new IllegalStateException("the setup link is no longer valid");
    }
    AccountView created = directory.create(administrator);
    setupToken.set(null);
    return created;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
