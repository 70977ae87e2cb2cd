package sightline.faceapi;

import static sightline.faceapi.FaceApplicationRepository.instant;
import static sightline.faceapi.FaceApplicationRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sightline.biometrics.TemplateCipher;
import sightline.vision.BoundingBox;

/** Subjects of the integrators' applications and their sealed templates. Every query names the application. */
@Repository
class SubjectRepository {

  /** A subject with the number of its images. */
  record SubjectRow(UUID id, String name, Instant createdAt, int images) {}

  /** One stored template: where it came from, never the image. */
  record TemplateRow(UUID id, UUID subject, UUID application, TemplateCipher.Sealed sealed, String format,
      int width, int height, int bytes, BoundingBox face, double detectorScore, Instant addedAt) {}

  /** What the start-up load needs of a template. */
  record StoredTemplate(UUID id, UUID subject, UUID application, TemplateCipher.Sealed sealed) {}

  private final JdbcClient jdbc;

  SubjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, UUID application, String name, Instant at) {
    jdbc.sql("INSERT INTO biometrics.face_api_subject (id, application_id, name, created_at) VALUES (?, ?, ?, ?)")
        .params(id, application, name, utc(at)).update();
  }

  boolean nameExists(UUID application, String name) {
    return jdbc.sql("SELECT COUNT(*) FROM biometrics.face_api_subject WHERE application_id = ? AND name = ?")
        .params(application, name).query(Integer.class).single() > 0;
  }

  private static final String SUBJECT_COLUMNS = "s.id, s.name, s.created_at, "
      + "(SELECT COUNT(*) FROM biometrics.face_api_template t WHERE t.subject_id = s.id) images";

  Optional<SubjectRow> find(UUID application, UUID id) {
    return jdbc.sql("SELECT " + SUBJECT_COLUMNS + " FROM biometrics.face_api_subject s "
            + "WHERE s.application_id = ? AND s.id = ?")
        .params(application, id).query((rs, i) -> subject(rs)).optional();
  }

  List<SubjectRow> page(UUID application, int offset, int limit) {
    return jdbc.sql("SELECT " + SUBJECT_COLUMNS + " FROM biometrics.face_api_subject s WHERE s.application_id = ? "
            + "ORDER BY s.name, s.id LIMIT ? OFFSET ?")
        .params(application, limit, offset).query((rs, i) -> subject(rs)).list();
  }

  long count(UUID application) {
    return jdbc.sql("SELECT COUNT(*) FROM biometrics.face_api_subject WHERE application_id = ?").param(application)
        .query(Long.class).single();
  }

  void rename(UUID application, UUID id, String name) {
    jdbc.sql("UPDATE biometrics.face_api_subject SET name = ? WHERE application_id = ? AND id = ?")
        .params(name, application, id).update();
  }

  /** Deletes the subject and its template rows (explicitly, not only through the cascade). */
  void delete(UUID application, UUID id) {
    jdbc.sql("DELETE FROM biometrics.face_api_template WHERE application_id = ? AND subject_id = ?")
        .params(application, id).update();
    jdbc.sql("DELETE FROM biometrics.face_api_subject WHERE application_id = ? AND id = ?").params(application, id)
        .update();
  }

  void insertTemplate(TemplateRow t) {
    jdbc.sql("INSERT INTO biometrics.face_api_template (id, subject_id, application_id, cipher_key_id, sealed, "
            + "image_format, image_width, image_height, image_bytes, face_left, face_top, face_right, face_bottom, "
            + "detector_score, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(t.id(), t.subject(), t.application(), t.sealed().keyId(), t.sealed().bytes(), t.format(), t.width(),
            t.height(), t.bytes(), t.face().left(), t.face().top(), t.face().right(), t.face().bottom(),
            t.detectorScore(), utc(t.addedAt()))
        .update();
  }

  /** A subject's images, oldest first; the sealed bytes are not read. */
  List<TemplateRow> templatesOf(UUID application, UUID subject) {
    return jdbc.sql("SELECT id, image_format, image_width, image_height, image_bytes, face_left, face_top, "
            + "face_right, face_bottom, detector_score, added_at FROM biometrics.face_api_template "
            + "WHERE application_id = ? AND subject_id = ? ORDER BY added_at, id")
        .params(application, subject)
        .query((rs, i) -> new TemplateRow(rs.getObject("id", UUID.class), subject, application,
            new TemplateCipher.Sealed("", new byte[0]), rs.getString("image_format"), rs.getInt("image_width"),
            rs.getInt("image_height"), rs.getInt("image_bytes"), new BoundingBox(rs.getDouble("face_left"),
            rs.getDouble("face_top"), rs.getDouble("face_right"), rs.getDouble("face_bottom")),
            rs.getDouble("detector_score"), instant(rs.getObject("added_at", OffsetDateTime.class))))
        .list();
  }

  boolean deleteTemplate(UUID application, UUID subject, UUID template) {
    return jdbc.sql("DELETE FROM biometrics.face_api_template WHERE application_id = ? AND subject_id = ? AND id = ?")
        .params(application, subject, template).update() > 0;
  }

  /** The names of the given subjects of the application. */
  Map<UUID, String> namesOf(UUID application, Collection<UUID> subjects) {
    Map<UUID, String> names = new HashMap<>();
    if (!subjects.isEmpty()) {
      jdbc.sql("SELECT id, name FROM biometrics.face_api_subject WHERE application_id = :application AND id IN (:ids)")
          .param("application", application).param("ids", List.copyOf(subjects))
          .query(rs -> {
            names.put(rs.getObject("id", UUID.class), rs.getString("name"));
          });
    }
    return names;
  }

  /** Up to {@code limit} templates of every application with ids above {@code after}, by id (keyset paging). */
  List<StoredTemplate> templatesAfter(UUID after, int limit) {
    return jdbc.sql("SELECT id, subject_id, application_id, cipher_key_id, sealed FROM biometrics.face_api_template "
            + "WHERE id > ? ORDER BY id LIMIT ?")
        .params(after, limit)
        .query((rs, i) -> new StoredTemplate(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
            rs.getObject("application_id", UUID.class),
            new TemplateCipher.Sealed(rs.getString("cipher_key_id"), rs.getBytes("sealed"))))
        .list();
  }

  private static SubjectRow subject(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SubjectRow(rs.getObject("id", UUID.class), rs.getString("name"),
        instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("images"));
  }
}
