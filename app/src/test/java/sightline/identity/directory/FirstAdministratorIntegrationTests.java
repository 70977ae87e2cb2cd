package sightline.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import sightline.SightlineApplication;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/** A new installation, on an empty database of its own: no default password, a one-time setup link instead. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIntegrationTests {

  private static final Pattern SETUP_LINK = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]+)");

  @Test
  void printsASetupLinkThatWorksOnceAndOnlyUntilAnAdministratorExists(CapturedOutput output) {
    try (var context = start()) {
      var matcher = SETUP_LINK.matcher(output.getOut());
      assertThat(matcher.find()).as("setup link in the log").isTrue();
      String token = matcher.group(1);
      var first = context.getBean(FirstAdministrator.class);

      assertThat(first.acceptsSetupToken("not-the-token")).isFalse();
      assertThat(first.acceptsSetupToken(token)).isTrue();
      first.createWithToken(token, new NewAccount("root@example.org", "Root", EnumSet.of(Role.ADMIN), null,
          "a long administrator password"));

      assertThat(context.getBean(AccountDirectoryService.class).hasAdministrator()).isTrue();
      assertThat(first.acceptsSetupToken(token)).isFalse();
      assertThatThrownBy(() -> first.createWithToken(token, new NewAccount("second@example.org", "Second",
          EnumSet.of(Role.ADMIN), null, "a long administrator password"))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void createsTheAdministratorFromConfigurationWhenGiven(CapturedOutput output) {
    try (var context = start("--sightline.admin.email=boss@example.org",
        "--sightline.admin.password=a long administrator password")) {
      assertThat(context.getBean(AccountDirectory.class).search("boss@example.org", 0, 1).getContent())
          .singleElement().satisfies(admin -> assertThat(admin.roles()).containsExactly(Role.ADMIN));
      assertThat(output.getOut()).doesNotContain("/setup?token=");
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    String database = "jdbc:h2:mem:first-admin-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    // Command-line arguments outrank the test configuration's shared database.
    var all = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa", "--spring.datasource.password="));
    all.addAll(java.util.List.of(args));
    return new SpringApplicationBuilder(SightlineApplication.class).run(all.toArray(String[]::new));
  }
}
