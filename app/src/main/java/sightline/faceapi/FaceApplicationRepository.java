package sightline.faceapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications, their keys and the administrators' actions on them ({@code biometrics.face_api_*}). */
@Repository
class FaceApplicationRepository {

  /** An application as the admin page lists it. */
  record ApplicationRow(UUID id, String name, boolean enabled, Instant createdAt, UUID createdBy, int activeKeys,
      int subjects) {}

  /** A key as the admin page lists it; the secret is not here (only its hash is stored). */
  record KeyRow(UUID id, String name, String prefix, Set<FaceApiScope> scopes, Instant createdAt, UUID createdBy,
      @Nullable Instant revokedAt, @Nullable UUID revokedBy) {

    public boolean revoked() {
      return revokedAt != null;
    }

    public String scopeList() {
      return scopes.stream().map(FaceApiScope::value).collect(Collectors.joining(", "));
    }
  }

  /** Who did what, and when. */
  record ActionRow(String action, @Nullable UUID keyId, UUID actor, Instant at) {}

  private final JdbcClient jdbc;

  FaceApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String APPLICATION_COLUMNS = """
      a.id, a.name, a.enabled, a.created_at, a.created_by,
      (SELECT COUNT(*) FROM biometrics.face_api_key k WHERE k.application_id = a.id AND k.revoked_at IS NULL) keys,
      (SELECT COUNT(*) FROM biometrics.face_api_subject s WHERE s.application_id = a.id) subjects
      """;

  List<ApplicationRow> findAll() {
    return jdbc.sql("SELECT " + APPLICATION_COLUMNS + " FROM biometrics.face_api_application a ORDER BY a.name")
        .query((rs, i) -> application(rs)).list();
  }

  Optional<ApplicationRow> findById(UUID id) {
    return jdbc.sql("SELECT " + APPLICATION_COLUMNS + " FROM biometrics.face_api_application a WHERE a.id = ?")
        .param(id).query((rs, i) -> application(rs)).optional();
  }

  boolean nameExists(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM biometrics.face_api_application WHERE name_key = ?").param(nameKey(name))
        .query(Integer.class).single() > 0;
  }

  void insertApplication(UUID id, String name, Instant at, UUID actor) {
    jdbc.sql("INSERT INTO biometrics.face_api_application (id, name, name_key, enabled, created_at, created_by) "
        + "VALUES (?, ?, ?, TRUE, ?, ?)").params(id, name, nameKey(name), utc(at), actor).update();
  }

  void setEnabled(UUID id, boolean enabled) {
    jdbc.sql("UPDATE biometrics.face_api_application SET enabled = ? WHERE id = ?").params(enabled, id).update();
  }

  void insertKey(UUID id, UUID application, String name, String prefix, String secretSha256,
      Set<FaceApiScope> scopes, Instant at, UUID actor) {
    jdbc.sql("INSERT INTO biometrics.face_api_key (id, application_id, name, prefix, secret_sha256, scopes, "
            + "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, application, name, prefix, secretSha256,
            scopes.stream().map(FaceApiScope::value).sorted().collect(Collectors.joining(" ")), utc(at), actor)
        .update();
  }

  /** Revokes an active key of the application; returns whether there was one. */
  boolean revokeKey(UUID application, UUID key, Instant at, UUID actor) {
    return jdbc.sql("UPDATE biometrics.face_api_key SET revoked_at = ?, revoked_by = ? "
            + "WHERE id = ? AND application_id = ? AND revoked_at IS NULL")
        .params(utc(at), actor, key, application).update() > 0;
  }

  List<KeyRow> keysOf(UUID application) {
    return jdbc.sql("SELECT id, name, prefix, scopes, created_at, created_by, revoked_at, revoked_by "
            + "FROM biometrics.face_api_key WHERE application_id = ? ORDER BY created_at DESC, id")
        .param(application)
        .query((rs, i) -> new KeyRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
            scopes(rs.getString("scopes")), instant(rs.getObject("created_at", OffsetDateTime.class)),
            rs.getObject("created_by", UUID.class), instant(rs.getObject("revoked_at", OffsetDateTime.class)),
            rs.getObject("revoked_by", UUID.class)))
        .list();
  }

  /** The caller a key hash stands for, when the key is active and its application enabled. */
  Optional<ApiCaller> findActiveCaller(String secretSha256) {
    return jdbc.sql("SELECT k.id, k.application_id, k.scopes FROM biometrics.face_api_key k "
            + "JOIN biometrics.face_api_application a ON a.id = k.application_id "
            + "WHERE k.secret_sha256 = ? AND k.revoked_at IS NULL AND a.enabled")
        .param(secretSha256)
        .query((rs, i) -> new ApiCaller(rs.getObject("application_id", UUID.class), rs.getObject("id", UUID.class),
            scopes(rs.getString("scopes"))))
        .optional();
  }

  void insertAction(UUID application, @Nullable UUID key, String action, UUID actor, Instant at) {
    jdbc.sql("INSERT INTO biometrics.face_api_admin_action (id, application_id, key_id, action, actor, at) "
        + "VALUES (?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), application, key, action, actor, utc(at)).update();
  }

  List<ActionRow> actionsOf(UUID application) {
    return jdbc.sql("SELECT action, key_id, actor, at FROM biometrics.face_api_admin_action "
            + "WHERE application_id = ? ORDER BY at DESC, id")
        .param(application)
        .query((rs, i) -> new ActionRow(rs.getString("action"), rs.getObject("key_id", UUID.class),
            rs.getObject("actor", UUID.class), instant(rs.getObject("at", OffsetDateTime.class))))
        .list();
  }

  private static ApplicationRow application(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ApplicationRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("enabled"),
        instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getObject("created_by", UUID.class),
        rs.getInt("keys"), rs.getInt("subjects"));
  }

  private static Set<FaceApiScope> scopes(String stored) {
    var scopes = EnumSet.noneOf(FaceApiScope.class);
    Arrays.stream(stored.split(" ")).filter(s -> !s.isBlank()).map(FaceApiScope::parse)
        .forEach(scope -> scope.ifPresent(scopes::add));
    return scopes;
  }

  static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static @Nullable Instant instant(@Nullable OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  /** Application names are unique regardless of case (the UNIQUE constraint is on this key). */
  private static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
