package sightline.diagnosis.diagnose;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import sightline.diagnosis.DiagnosisCompleted;
import sightline.diagnosis.DiagnosisId;
import sightline.diagnosis.DiagnosisNotFound;
import sightline.diagnosis.DiagnosisView;
import sightline.diagnosis.Diagnoses;
import sightline.diagnosis.PhotoTooSmall;
import sightline.diagnosis.models.PlantModels;
import sightline.identity.AccountId;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.system.RateLimits;
import sightline.vision.Image;

/**
 * {@link Diagnoses}: decoding, re-encoding and classifying happen before any transaction; storing is one short
 * transaction that also announces {@link DiagnosisCompleted}.
 */
@Service
class DiagnosisService implements Diagnoses {

  /** The named rate limit for photos per account ({@code sightline.rate-limits.diagnosis-upload.*}). */
  static final String RATE_LIMIT = "diagnosis-upload";
  /** Shortest side a picture may have: the model looks at 128x128, and a smaller leaf shows no symptoms. */
  static final int MIN_SIDE_PX = 96;
  static final int THUMBNAIL_SIDE_PX = 160;

  private final ImageInput images;
  private final PlantModels models;
  private final RateLimits rateLimits;
  private final DiagnosisRepository diagnoses;
  private final DiagnosisPictureRepository pictures;
  private final TransactionOperations transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DiagnosisService(ImageInput images, PlantModels models, RateLimits rateLimits, DiagnosisRepository diagnoses,
      DiagnosisPictureRepository pictures, TransactionOperations transactions, ApplicationEventPublisher events,
      Clock clock) {
    this.images = images;
    this.models = models;
    this.rateLimits = rateLimits;
    this.diagnoses = diagnoses;
    this.pictures = pictures;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public DiagnosisView diagnose(AccountId account, byte[] photo) {
    rateLimits.consume(RATE_LIMIT, account.toString());
    // Decoded straight to the stored size with EXIF orientation applied; re-encoding drops EXIF, GPS and every
    // other piece of metadata, and only the re-encoded picture is ever stored.
    Image picture = images.decode(photo, ImageUse.PLANT_PHOTO, STORED_SIDE_PX);
    if (Math.min(picture.width(), picture.height()) < MIN_SIDE_PX) {
      throw new PhotoTooSmall(picture.width(), picture.height(), MIN_SIDE_PX);
    }
    byte[] jpeg = picture.toJpeg(0.85f);
    byte[] thumbnail = images.decode(jpeg, ImageUse.PLANT_PHOTO, THUMBNAIL_SIDE_PX).toJpeg(0.8f);
    PlantModels.Classified classified = models.classify(picture);
    // Microseconds, as both databases keep them, so the answer equals what is read back later.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    var diagnosis = new Diagnosis(DiagnosisId.random(), account, now, classified.modelVersion(),
        classified.ranked(), classified.rejectReason());
    return transactions.execute(tx -> {
      diagnoses.save(diagnosis);
      pictures.save(new DiagnosisPicture(diagnosis.id(), jpeg, thumbnail));
      DiagnosisView view = diagnosis.view();
      events.publishEvent(new DiagnosisCompleted(view.id(), account, view.outcome(), view.modelVersion(), now));
      return view;
    });
  }

  @Override
  @Transactional(readOnly = true)
  public DiagnosisView get(AccountId account, DiagnosisId diagnosis) {
    return owned(account, diagnosis).view();
  }

  @Override
  @Transactional(readOnly = true)
  public Page<DiagnosisView> history(AccountId account, int page, int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw new IllegalArgumentException("page must be >= 0 and size 1..100, were " + page + " and " + size);
    }
    return diagnoses.findByAccountIdOrderByCreatedAtDescIdDesc(account.value(), PageRequest.of(page, size))
        .map(Diagnosis::view);
  }

  @Override
  @Transactional(readOnly = true)
  public byte[] picture(AccountId account, DiagnosisId diagnosis, boolean thumbnail) {
    owned(account, diagnosis);
    DiagnosisPicture picture = pictures.findById(diagnosis.value())
        .orElseThrow(() -> new DiagnosisNotFound(diagnosis));
    return thumbnail ? picture.thumbnail() : picture.jpeg();
  }

  @Override
  @Transactional
  public void delete(AccountId account, DiagnosisId diagnosis) {
    if (diagnoses.deleteOwned(diagnosis.value(), account.value()) == 0) {
      throw new DiagnosisNotFound(diagnosis);
    }
  }

  @Override
  @Transactional
  public int deleteAll(AccountId account) {
    return diagnoses.deleteAllOwned(account.value());
  }

  @Override
  @Transactional
  public DiagnosisView recordFeedback(AccountId account, DiagnosisId diagnosis, @Nullable String label) {
    Diagnosis owned = owned(account, diagnosis);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    owned.recordFeedback(label, models.labelsOf(owned.modelVersion()), now);
    return owned.view();
  }

  @Override
  public List<String> classesFor(DiagnosisView diagnosis) {
    return models.labelsOf(diagnosis.modelVersion());
  }

  private Diagnosis owned(AccountId account, DiagnosisId diagnosis) {
    return diagnoses.findByIdAndAccountId(diagnosis.value(), account.value())
        .orElseThrow(() -> new DiagnosisNotFound(diagnosis));
  }
}
