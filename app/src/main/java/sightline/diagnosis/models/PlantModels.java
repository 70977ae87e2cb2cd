package sightline.diagnosis.models;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.VisionException;
import sightline.vision.classify.Classifications;
import sightline.vision.classify.ClassifierMetadata;
import sightline.vision.classify.ImageClassifier;
import sightline.vision.classify.RejectRule;
import sightline.vision.model.ModelStore;

/**
 * The plant-disease models: the bundled one (from the model store, always available), those administrators
 * uploaded (stored in the database, so the registry works the same on H2 and PostgreSQL), and which one is in use.
 * An upload becomes active only after it loads, its input and labels match its metadata and it classifies the
 * {@link TestLeaf}; every result keeps the version that produced it, and the previous model can be restored.
 *
 * <p>Thread-safe. {@link #classify} runs under a read lock so that a model being replaced is closed only after the
 * calls using it have finished; loading a new model happens outside that lock. Administrators' changes (upload,
 * activate, restore) run one at a time, each checking, writing its activation and swapping the model in as one step,
 * so the model in memory is always the one of the newest activation row. One server: the model in use is read from
 * the database at start-up and changed in memory by this server's administrators.
 */
@Component
public class PlantModels implements AutoCloseable {

  /**
   * Largest ONNX file accepted, in bytes: the multipart limit (spring.servlet.multipart.max-file-size) for the page;
   * the bundled model is about 2 MB.
   */
  static final long MAX_MODEL_BYTES = 10L * 1024 * 1024;

  /** Longest metadata file and longest label, in characters: the sizes of their database columns. */
  static final int MAX_METADATA_CHARS = 20_000;
  static final int MAX_LABEL_CHARS = 200;

  /**
   * One picture classified.
   *
   * @param modelVersion the version of the model that classified it
   * @param ranked every class, most probable first
   * @param rejectReason why the model's reject rule turns the answer away, or null when the best class may be shown
   */
  public record Classified(String modelVersion, Classifications ranked, RejectRule.@Nullable Reason rejectReason) {}

  /**
   * A model as the administrators' page lists it.
   *
   * @param version the model's version
   * @param bundled whether it is the model shipped with Sightline (else uploaded)
   * @param uploadedAt when it was uploaded, null for the bundled model
   * @param sha256 the ONNX file's SHA-256
   * @param active whether it is in use
   */
  public record ModelRow(String version, boolean bundled, @Nullable Instant uploadedAt, String sha256,
      boolean active) {}

  private record Loaded(String version, ImageClassifier classifier) {}

  private static final Logger log = LoggerFactory.getLogger(PlantModels.class);

  private final ModelStore store;
  private final RegisteredModelRepository models;
  private final ModelActivationRepository activations;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final ClassifierMetadata bundled;
  private final String bundledSha256;
  private final Map<String, List<String>> labelsByVersion = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** Held through each administrator's change; a lock rather than synchronized, which would pin virtual threads. */
  private final ReentrantLock changes = new ReentrantLock();
  private Loaded active;

  PlantModels(ModelStore store, RegisteredModelRepository models, ModelActivationRepository activations,
      TransactionOperations transactions, Clock clock) {
    this.store = store;
    this.models = models;
    this.activations = activations;
    this.transactions = transactions;
    this.clock = clock;
    store.verifiedPath("plant_disease");
    this.bundled = ClassifierMetadata.read(store.verifiedPath("plant_disease_metadata"));
    this.bundledSha256 = store.manifest().get("plant_disease").sha256();
    labelsByVersion.put(bundled.version(), bundled.labels());
    this.active = loadActive();
  }

  /** Classifies a picture with the model in use. */
  public Classified classify(Image picture) {
    lock.readLock().lock();
    try {
      ClassifierMetadata metadata = active.classifier().metadata();
      Classifications ranked = active.classifier().classify(picture);
      return new Classified(active.version(), ranked, metadata.reject().reasonToReject(ranked).orElse(null));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The version of the model in use. */
  public String activeVersion() {
    lock.readLock().lock();
    try {
      return active.version();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The labels of a model version, or the model in use's when no model has that version any more. */
  public List<String> labelsOf(String version) {
    List<String> labels = labelsByVersion.computeIfAbsent(version, v -> transactions.execute(tx ->
        models.findByVersion(v).map(m -> metadataOf(m.metadata()).labels()).orElse(null)));
    if (labels != null) {
      return labels;
    }
    lock.readLock().lock();
    try {
      return active.classifier().metadata().labels();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The bundled model and every uploaded one, the bundled first, then the newest upload first. */
  public List<ModelRow> list() {
    String current = activeVersion();
    var rows = new ArrayList<ModelRow>();
    rows.add(new ModelRow(bundled.version(), true, null, bundledSha256, bundled.version().equals(current)));
    for (var model : transactions.execute(tx -> models.summaries())) {
      rows.add(new ModelRow(model.version(), false, model.uploadedAt(), model.sha256(),
          model.version().equals(current)));
    }
    return rows;
  }

  /**
   * Checks an uploaded model, stores it and makes it the model in use.
   *
   * @param onnx the ONNX file
   * @param metadataFile its metadata file (format of {@link ClassifierMetadata#read}; the {@code model} key is
   *     ignored) with a {@code version} no other model has
   * @return the new model's version
   * @throws ModelRejected naming the check that failed
   */
  public String upload(byte[] onnx, byte[] metadataFile, AccountId by) {
    changes.lock();
    try {
      return uploadChecked(onnx, metadataFile, by);
    } finally {
      changes.unlock();
    }
  }

  private String uploadChecked(byte[] onnx, byte[] metadataFile, AccountId by) {
    String text = new String(metadataFile, StandardCharsets.UTF_8);
    if (text.length() > MAX_METADATA_CHARS) {
      throw new ModelRejected("metadata: at most " + MAX_METADATA_CHARS + " characters, had " + text.length());
    }
    ClassifierMetadata metadata;
    try {
      metadata = metadataOf(text);
    } catch (IllegalArgumentException e) {
      throw new ModelRejected("metadata: " + e.getMessage());
    }
    // Every diagnosis stores labels of the model in use: a longer one would fail each diagnosis once activated.
    metadata.labels().stream().filter(label -> label.length() > MAX_LABEL_CHARS).findFirst().ifPresent(label -> {
      throw new ModelRejected("metadata: labels must have at most " + MAX_LABEL_CHARS + " characters, '"
          + label.substring(0, 40) + "…' has " + label.length());
    });
    String version = metadata.version();
    if (version.isEmpty() || version.length() > 200 || !version.matches("[A-Za-z0-9._+-]+")) {
      throw new ModelRejected("metadata: version must be 1 to 200 letters, digits or . _ + -, was '" + version + "'");
    }
    if (version.equals(bundled.version()) || transactions.execute(tx -> models.existsByVersion(version))) {
      throw new ModelVersionTaken(version);
    }
    if (onnx.length == 0 || onnx.length > MAX_MODEL_BYTES) {
      throw new ModelRejected("model: the ONNX file must hold 1 to " + MAX_MODEL_BYTES + " bytes, had " + onnx.length);
    }
    ImageClassifier checked = loadChecked(onnx, metadata);
    String sha256 = sha256(onnx);
    try {
      transactions.executeWithoutResult(tx -> {
        models.save(new RegisteredModel(version, onnx, text, sha256, clock.instant(), by.value()));
        activations.save(new ModelActivation(version, nextActivationTime(), by.value()));
      });
    } catch (DataIntegrityViolationException e) {
      checked.close();
      throw new ModelVersionTaken(version);   // stored meanwhile by another server sharing the database
    } catch (RuntimeException e) {
      checked.close();
      throw e;
    }
    labelsByVersion.put(version, metadata.labels());
    swapIn(new Loaded(version, checked));
    log.info("Plant-disease model {} uploaded and activated by {}", version, by);
    return version;
  }

  /**
   * Makes a stored model (bundled or uploaded) the one in use.
   *
   * @throws ModelVersionNotFound when no model has this version
   */
  public void activate(String version, AccountId by) {
    changes.lock();
    try {
      activateLoaded(version, by);
    } finally {
      changes.unlock();
    }
  }

  private void activateLoaded(String version, AccountId by) {
    Loaded loaded = load(version);
    try {
      transactions.executeWithoutResult(tx ->
          activations.save(new ModelActivation(version, nextActivationTime(), by.value())));
    } catch (RuntimeException e) {
      loaded.classifier().close();
      throw e;
    }
    swapIn(loaded);
    log.info("Plant-disease model {} activated by {}", version, by);
  }

  /**
   * Makes the model that was in use before the current one active again.
   *
   * @return its version
   * @throws NoPreviousModel when only one model has ever been in use
   */
  public String restorePrevious(AccountId by) {
    changes.lock();
    try {
      return restore(by);
    } finally {
      changes.unlock();
    }
  }

  private String restore(AccountId by) {
    String current = activeVersion();
    String previous = transactions.execute(tx -> activations.findByOrderByActivatedAtDesc(Limit.of(50)).stream()
        .map(ModelActivation::version).filter(v -> !v.equals(current)).findFirst().orElse(null));
    if (previous == null) {
      if (current.equals(bundled.version())) {
        throw new NoPreviousModel();
      }
      previous = bundled.version();   // before any activation the bundled model was in use
    }
    activateLoaded(previous, by);
    return previous;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      active.classifier().close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Now, or just after the newest activation, so that the newest row is never ambiguous; in microseconds, as the
   * databases keep it (two instants a few nanoseconds apart would otherwise be stored as equal).
   */
  private Instant nextActivationTime() {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return activations.findByOrderByActivatedAtDesc(Limit.of(1)).stream().findFirst()
        .map(last -> last.activatedAt().isBefore(now) ? now : last.activatedAt().plusMillis(1)).orElse(now);
  }

  private Loaded loadActive() {
    String version = transactions.execute(tx -> activations.findByOrderByActivatedAtDesc(Limit.of(1)).stream()
        .map(ModelActivation::version).findFirst().orElse(bundled.version()));
    try {
      return load(version);
    } catch (RuntimeException e) {
      // A model that cannot load must not keep the server from starting: diagnoses go on with the bundled one.
      log.error("Plant-disease model {} could not be loaded; using the bundled model {}", version,
          bundled.version(), e);
      return load(bundled.version());
    }
  }

  private Loaded load(String version) {
    if (version.equals(bundled.version())) {
      return new Loaded(version, ImageClassifier.load(store.verifiedPath("plant_disease"), bundled));
    }
    RegisteredModel model = transactions.execute(tx -> models.findByVersion(version).orElse(null));
    if (model == null) {
      throw new ModelVersionNotFound(version);
    }
    return new Loaded(version, loadFromBytes(model.onnx(), metadataOf(model.metadata())));
  }

  /** Loads a model and runs it on the test leaf; the checks {@link ImageClassifier#load} makes come first. */
  private static ImageClassifier loadChecked(byte[] onnx, ClassifierMetadata metadata) {
    ImageClassifier classifier;
    try {
      classifier = loadFromBytes(onnx, metadata);
    } catch (IllegalArgumentException e) {
      throw new ModelRejected("input and labels: " + e.getMessage());
    } catch (VisionException e) {
      throw new ModelRejected("loading: ONNX Runtime cannot load the file (" + e.getMessage() + ")");
    }
    try {
      Classifications result = classifier.classify(TestLeaf.picture());
      if (result.size() != metadata.labels().size()) {
        throw new ModelRejected("test picture: " + result.size() + " classes for " + metadata.labels().size()
            + " labels");
      }
      return classifier;
    } catch (VisionException | IllegalArgumentException e) {
      classifier.close();
      throw new ModelRejected("test picture: " + e.getMessage());
    } catch (ModelRejected e) {
      classifier.close();
      throw e;
    }
  }

  /** ONNX Runtime reads the file when the session is created, so the temporary copy goes right after. */
  private static ImageClassifier loadFromBytes(byte[] onnx, ClassifierMetadata metadata) {
    Path file = null;
    try {
      file = Files.createTempFile("sightline-plant-model", ".onnx");
      Files.write(file, onnx);
      return ImageClassifier.load(file, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary model file", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          log.warn("Temporary model file {} could not be deleted", file, e);
        }
      }
    }
  }

  private void swapIn(Loaded loaded) {
    Loaded previous;
    lock.writeLock().lock();
    try {
      previous = active;
      active = loaded;
    } finally {
      lock.writeLock().unlock();
    }
    previous.classifier().close();
  }

  private static ClassifierMetadata metadataOf(String text) {
    var properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalArgumentException("the metadata file cannot be read as properties", e);
    }
    return ClassifierMetadata.fromProperties(properties);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
