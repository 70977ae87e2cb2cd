package sightline.diagnosis;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import sightline.identity.AccountId;

/**
 * Plant diagnosis for one person at a time: a leaf photo becomes the model's five most probable classes, or a
 * request to take the photo again; each person sees, corrects and deletes only their own. Thread-safe.
 */
public interface Diagnoses {

  /** Largest side, in pixels, of the stored picture. */
  int STORED_SIDE_PX = 1024;

  /**
   * Diagnoses a photo and stores the result with a re-encoded copy of the picture (JPEG, EXIF orientation applied,
   * at most {@value #STORED_SIDE_PX} px, no EXIF, GPS or other metadata), and the version of the model used.
   *
   * @param photo the photo as sent: JPEG or PNG by content, within {@code system.ImageUse.PLANT_PHOTO}'s limits
   * @throws sightline.system.RateLimitExceeded when the account has sent too many photos lately
   * @throws sightline.vision.ImageRejected when the bytes are not a JPEG or PNG within the limits
   * @throws PhotoTooSmall when the picture is too small to show a leaf
   */
  DiagnosisView diagnose(AccountId account, byte[] photo);

  /** @throws DiagnosisNotFound unless {@code account} has this diagnosis */
  DiagnosisView get(AccountId account, DiagnosisId diagnosis);

  /** The account's diagnoses, newest first; {@code page} is 0-based, {@code size} 1..100. */
  Page<DiagnosisView> history(AccountId account, int page, int size);

  /**
   * The stored picture (a JPEG), or its thumbnail.
   *
   * @throws DiagnosisNotFound unless {@code account} has this diagnosis
   */
  byte[] picture(AccountId account, DiagnosisId diagnosis, boolean thumbnail);

  /**
   * Deletes a diagnosis and its picture.
   *
   * @throws DiagnosisNotFound unless {@code account} has this diagnosis
   */
  void delete(AccountId account, DiagnosisId diagnosis);

  /** Deletes all of the account's diagnoses and pictures; returns how many there were. */
  int deleteAll(AccountId account);

  /**
   * Records what the picture really shows, replacing earlier feedback.
   *
   * @param label the right class; null means "the diagnosis was right" (its first class)
   * @throws DiagnosisNotFound unless {@code account} has this diagnosis
   * @throws UnknownPlantClass when the producing model does not know {@code label}
   */
  DiagnosisView recordFeedback(AccountId account, DiagnosisId diagnosis, @Nullable String label);

  /** The classes a farmer may choose as the right one for {@code diagnosis}: its model's labels. */
  List<String> classesFor(DiagnosisView diagnosis);
}
