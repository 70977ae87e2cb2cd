package sightline.faceapi;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import sightline.biometrics.TemplateCipher;
import sightline.vision.index.EmbeddingIndex;

/**
 * One in-memory {@link EmbeddingIndex} per application (identity: the subject id; template: the image id), loaded
 * from the database before the server accepts requests and kept in step with it by {@link FaceSubjects}.
 *
 * <p>Thread safety: the indexes are thread-safe themselves. Writers of one application additionally run their
 * database transaction and the index update under that application's lock ({@link #write}), so a subject deleted
 * while one of its images is being added cannot leave a template behind in memory: the index always follows the
 * order in which the transactions committed. Searches take no such lock.
 */
@Component
class SubjectIndexes implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SubjectIndexes.class);
  /** {@code fr_feature} embeddings. */
  static final int DIMENSIONS = 512;
  private static final int LOAD_BATCH = 2_000;

  private final ConcurrentHashMap<UUID, EmbeddingIndex<UUID>> indexes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final SubjectRepository subjects;
  private final TemplateCipher cipher;

  SubjectIndexes(SubjectRepository subjects, TemplateCipher cipher) {
    this.subjects = subjects;
    this.cipher = cipher;
  }

  /** The application's index (empty when it has no templates yet). */
  EmbeddingIndex<UUID> of(UUID application) {
    return indexes.computeIfAbsent(application, a -> EmbeddingIndex.create(DIMENSIONS));
  }

  /** Runs a write of the application (transaction, then index update) under its lock. */
  <T> T write(UUID application, Supplier<T> change) {
    ReentrantLock lock = locks.computeIfAbsent(application, a -> new ReentrantLock());
    lock.lock();
    try {
      return change.get();
    } finally {
      lock.unlock();
    }
  }

  static String owner(UUID subject) {
    return "subject:" + subject;
  }

  /** Loads every stored template, in batches (the sealed bytes of 100,000 templates are about 200 MB). */
  @Override
  public void afterSingletonsInstantiated() {
    long start = System.nanoTime();
    int loaded = 0;
    UUID after = new UUID(0, 0);
    for (List<SubjectRepository.StoredTemplate> batch = subjects.templatesAfter(after, LOAD_BATCH);
        !batch.isEmpty(); batch = subjects.templatesAfter(after, LOAD_BATCH)) {
      for (var template : batch) {
        of(template.application()).add(template.subject(), template.id(),
            cipher.open(template.sealed(), owner(template.subject())));
      }
      loaded += batch.size();
      after = batch.getLast().id();
    }
    log.info("Face API: {} templates of {} applications loaded in {} ms", loaded, indexes.size(),
        (System.nanoTime() - start) / 1_000_000);
  }
}
