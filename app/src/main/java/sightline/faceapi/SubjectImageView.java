package sightline.faceapi;

import java.time.Instant;
import java.util.UUID;
import sightline.vision.BoundingBox;

/**
 * What is kept of an image added to a subject: its id and metadata. The image itself is not stored; only the
 * encrypted face template computed from it is.
 *
 * @param imageId       id of the template, used in {@code DELETE /subjects/{subject}/images/{imageId}}
 * @param format        {@code JPEG} or {@code PNG}, judged by content
 * @param width         width of the upright image in pixels
 * @param height        height in pixels
 * @param bytes         size of the upload
 * @param face          the face's box, pixels of the upright image
 * @param detectorScore the detector's face probability in [0, 1]
 * @param addedAt       when it was added
 */
record SubjectImageView(UUID imageId, String format, int width, int height, int bytes, BoundingBox face,
    double detectorScore, Instant addedAt) {

  static SubjectImageView of(SubjectRepository.TemplateRow row) {
    return new SubjectImageView(row.id(), row.format(), row.width(), row.height(), row.bytes(), row.face(),
        row.detectorScore(), row.addedAt());
  }
}
