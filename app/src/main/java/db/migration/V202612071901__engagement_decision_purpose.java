package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets the face decision audit record the engagement module's identity spot checks (purpose ENGAGEMENT). The
 * purpose check was created without a name, and PostgreSQL and H2 name such constraints differently, so it is found
 * by its text in the information schema, dropped, and recreated under a name.
 */
public class V202612071901__engagement_decision_purpose extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    List<String> names = new ArrayList<>();
    try (PreparedStatement find = connection.prepareStatement("""
        SELECT tc.constraint_name FROM information_schema.table_constraints tc
        JOIN information_schema.check_constraints cc
          ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
        WHERE LOWER(tc.table_schema) = 'biometrics' AND LOWER(tc.table_name) = 'face_decision'
          AND tc.constraint_type = 'CHECK' AND cc.check_clause LIKE '%PHOTO_CHECK%'""")) {
      try (ResultSet rs = find.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    try (Statement change = connection.createStatement()) {
      for (String name : names) {
        change.execute("ALTER TABLE biometrics.face_decision DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
      }
      change.execute("ALTER TABLE biometrics.face_decision ADD CONSTRAINT face_decision_purpose CHECK (purpose IN "
          + "('SIGN_IN', 'ATTENDANCE', 'SELF_CHECK', 'PHOTO_CHECK', 'API', 'ENGAGEMENT'))");
    }
  }
}
