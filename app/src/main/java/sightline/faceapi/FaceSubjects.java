package sightline.faceapi;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import sightline.biometrics.TemplateCipher;
import sightline.faceapi.ImageUploads.Upload;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;

/**
 * An application's subjects and their face templates. Templates are sealed with {@link TemplateCipher} for the owner
 * {@code subject:<id>}; images are analysed before any transaction opens and never stored. Every change is written
 * to the database first and then to the application's in-memory index, under the application's write lock
 * ({@link SubjectIndexes#write}).
 */
@Component
class FaceSubjects {

  /** Largest page of {@code GET /subjects}. */
  static final int MAX_PAGE_SIZE = 1_000;
  /** Later pages are read as this one: the offset stays within an int (10^9 at the largest page size). */
  private static final int MAX_PAGES = 1_000_000;

  private final SubjectRepository subjects;
  private final SubjectIndexes indexes;
  private final TemplateCipher cipher;
  private final ImageUploads uploads;
  private final TransactionOperations transactions;
  private final TransactionOperations readOnly;
  private final Clock clock;

  FaceSubjects(SubjectRepository subjects, SubjectIndexes indexes, TemplateCipher cipher, ImageUploads uploads,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.subjects = subjects;
    this.indexes = indexes;
    this.cipher = cipher;
    this.uploads = uploads;
    this.transactions = new TransactionTemplate(transactionManager);
    var reading = new TransactionTemplate(transactionManager);
    reading.setReadOnly(true);
    this.readOnly = reading;
    this.clock = clock;
  }

  /**
   * Creates a subject without images.
   *
   * @throws SubjectNameTaken when the application has a subject of this name
   */
  SubjectView create(ApiCaller caller, String name) {
    UUID application = caller.applicationId();
    String trimmed = name.strip();
    try {
      return transactions.execute(tx -> {
        if (subjects.nameExists(application, trimmed)) {
          throw new SubjectNameTaken(trimmed);
        }
        UUID id = UUID.randomUUID();
        subjects.insert(id, application, trimmed, clock.instant());
        return view(application, id, false);
      });
    } catch (DuplicateKeyException raced) { // a concurrent create of the same name committed first
      throw new SubjectNameTaken(trimmed);
    }
  }

  /** One page of the application's subjects, by name. */
  List<SubjectView> list(ApiCaller caller, int page, int size) {
    int limit = Math.clamp(size, 1, MAX_PAGE_SIZE);
    return readOnly.execute(tx -> subjects.page(caller.applicationId(), Math.clamp(page, 0, MAX_PAGES) * limit, limit).stream()
        .map(row -> new SubjectView(row.id(), row.name(), row.createdAt(), row.images(), null)).toList());
  }

  long count(ApiCaller caller) {
    return readOnly.execute(tx -> subjects.count(caller.applicationId()));
  }

  /** The subject with its images. */
  SubjectView get(ApiCaller caller, UUID subject) {
    return readOnly.execute(tx -> view(caller.applicationId(), subject, true));
  }

  SubjectView rename(ApiCaller caller, UUID subject, String name) {
    UUID application = caller.applicationId();
    String trimmed = name.strip();
    try {
      return transactions.execute(tx -> {
        var current = subjects.find(application, subject).orElseThrow(() -> new SubjectNotFound(subject));
        if (!current.name().equals(trimmed) && subjects.nameExists(application, trimmed)) {
          throw new SubjectNameTaken(trimmed);
        }
        subjects.rename(application, subject, trimmed);
        return view(application, subject, true);
      });
    } catch (DuplicateKeyException raced) {
      throw new SubjectNameTaken(trimmed);
    }
  }

  /** Deletes the subject and every template row of it, then forgets its templates in memory. */
  void delete(ApiCaller caller, UUID subject) {
    UUID application = caller.applicationId();
    indexes.write(application, () -> {
      transactions.executeWithoutResult(tx -> {
        subjects.find(application, subject).orElseThrow(() -> new SubjectNotFound(subject));
        subjects.delete(application, subject);
      });
      return indexes.of(application).removeIdentity(subject);
    });
  }

  /**
   * Adds a face template from an image that shows exactly one face.
   *
   * @throws NotExactlyOneFace when the image shows no face or several
   * @throws SubjectNotFound   when the application has no such subject
   */
  SubjectImageView addImage(ApiCaller caller, UUID subject, Upload upload) {
    UUID application = caller.applicationId();
    readOnly.executeWithoutResult(tx -> subjects.find(application, subject)
        .orElseThrow(() -> new SubjectNotFound(subject))); // before spending inference on it
    List<DetectedFace> faces = uploads.analyze(upload.image(), EnumSet.of(FaceAttribute.EMBEDDING));
    if (faces.size() != 1) {
      throw new NotExactlyOneFace(faces.size());
    }
    DetectedFace face = faces.getFirst();
    float[] template = face.embedding().vector();
    var row = new SubjectRepository.TemplateRow(UUID.randomUUID(), subject, application,
        cipher.seal(template, SubjectIndexes.owner(subject)), upload.format(), upload.image().width(),
        upload.image().height(), upload.bytes(), face.box(), face.score(), clock.instant());
    return indexes.write(application, () -> {
      transactions.executeWithoutResult(tx -> {
        subjects.find(application, subject).orElseThrow(() -> new SubjectNotFound(subject));
        subjects.insertTemplate(row);
      });
      indexes.of(application).add(subject, row.id(), template);
      return SubjectImageView.of(row);
    });
  }

  void removeImage(ApiCaller caller, UUID subject, UUID image) {
    UUID application = caller.applicationId();
    indexes.write(application, () -> {
      transactions.executeWithoutResult(tx -> {
        if (!subjects.deleteTemplate(application, subject, image)) {
          throw new SubjectImageNotFound(image);
        }
      });
      return indexes.of(application).remove(image);
    });
  }

  private SubjectView view(UUID application, UUID subject, boolean withImages) {
    var row = subjects.find(application, subject).orElseThrow(() -> new SubjectNotFound(subject));
    return new SubjectView(row.id(), row.name(), row.createdAt(), row.images(), withImages
        ? subjects.templatesOf(application, subject).stream().map(SubjectImageView::of).toList() : null);
  }
}
