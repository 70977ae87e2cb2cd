package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import sightline.SightlineApplication;
import sightline.vision.model.ModelStore;
import sightline.vision.model.ModelUnavailableException;

/** Starting the real application as a user would: the embedded database, and the model check at start-up. */
@ExtendWith(OutputCaptureExtension.class)
class StartupIntegrationTests {

  @TempDir
  Path temp;

  @Test
  void theEmbeddedDatabaseKeepsItsDataAcrossRestarts() {
    String url = "jdbc:h2:file:" + temp.resolve("data/sightline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    UUID id = UUID.randomUUID();
    try (var first = start("--spring.datasource.url=" + url)) {
      first.getBean(JdbcTemplate.class).update("insert into event_publication (id, listener_id, event_type, "
          + "serialized_event, publication_date) values (?, 'restart-test', 'x', '{}', ?)", id, OffsetDateTime.now());
    }
    assertThat(temp.resolve("data/sightline.mv.db")).exists();
    try (var second = start("--spring.datasource.url=" + url)) {
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "select listener_id from event_publication where id = ?", String.class, id)).isEqualTo("restart-test");
    }
  }

  @Test
  void aDamagedModelStopsStartWithOneClearSentence(CapturedOutput output) throws Exception {
    var intact = ModelStore.atDefaultLocation();
    var store = new ModelStore(temp.resolve("models"), intact.manifest());
    for (var check : intact.requireAll()) {
      Path copy = store.root().resolve(intact.root().relativize(check.path()));
      Files.createDirectories(copy.getParent());
      Files.copy(check.path(), copy);
    }
    Path detector = store.verifiedPath("fr_detect");
    byte[] bytes = Files.readAllBytes(detector);
    bytes[100] ^= 0x7f;
    Files.write(detector, bytes);

    assertThatThrownBy(() -> start("--sightline.models.dir=" + store.root()).close())
        .hasRootCauseInstanceOf(ModelUnavailableException.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("Model file fr_detect at " + detector + " is damaged")
        .contains("Install npm if it is missing");
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(SightlineApplication.class)
        .properties("server.port=0", "spring.datasource.username=sa", "spring.datasource.password=")
        .run(args);
  }
}
