package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's database engine, as the pool uses it: Flyway creates the tables on one pooled connection,
 * which the pool closes later, and the application writes through others. H2 2.4.240 (Boot 4.0.7's version) broke
 * every CHECK constraint once the connection that created it closed ("Check constraint invalid" on any insert until
 * the database was reopened), which is why the build pins 2.3.232.
 */
class EmbeddedDatabaseTests {

  @Test
  void checkConstraintsOutliveTheConnectionThatCreatedThem() throws SQLException {
    String url = "jdbc:h2:mem:check-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (Connection keepsTheDatabaseOpen = DriverManager.getConnection(url, "sa", "")) {
      try (Connection migration = DriverManager.getConnection(url, "sa", "")) {
        migration.createStatement().execute("CREATE SCHEMA identity");
        migration.createStatement().execute("CREATE TABLE identity.account (id UUID PRIMARY KEY, "
            + "status VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED', 'DISABLED')))");
      }
      try (Connection application = DriverManager.getConnection(url, "sa", "")) {
        assertThat(application.createStatement().executeUpdate(
            "INSERT INTO identity.account VALUES (RANDOM_UUID(), 'ACTIVE')")).isEqualTo(1);
        assertThatThrownBy(() -> application.createStatement().executeUpdate(
            "INSERT INTO identity.account VALUES (RANDOM_UUID(), 'GONE')"))
            .hasMessageContaining("Check constraint violation");
      }
    }
  }
}
