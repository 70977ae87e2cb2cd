package sightline.faceapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import sightline.biometrics.FaceEngine;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;

/**
 * Reads and judges the face API's uploads: a multipart part (e.g. {@code file}) or, for single-image endpoints, the
 * raw body with {@code Content-Type: image/jpeg} or {@code image/png}. The format is judged by content, not by the
 * declared type; reading and limits are {@code system.ImageInput}'s for {@link ImageUse#UPLOAD}.
 * Faces are found by the shared {@link FaceEngine}. Thread-safe.
 */
@Component
class ImageUploads {

  /** An upload, decoded, with the facts about it that are kept (never its pixels). */
  record Upload(Image image, String format, int bytes) {}

  private final ImageInput images;
  private final FaceEngine engine;

  ImageUploads(ImageInput images, FaceEngine engine) {
    this.images = images;
    this.engine = engine;
  }

  /**
   * The image in the multipart part {@code part}, or in the body when the request is not multipart.
   *
   * @throws ImageMissing when there is neither
   * @throws sightline.vision.ImageRejected when it is not a JPEG or PNG within the limits
   */
  Upload read(HttpServletRequest request, String part, boolean bodyAllowed) {
    return decode(bytes(request, part, bodyAllowed), part);
  }

  List<DetectedFace> analyze(Image image, Set<FaceAttribute> attributes) {
    return engine.analyze(image, attributes);
  }

  private Upload decode(byte[] bytes, String part) {
    if (bytes.length == 0) {
      throw new ImageMissing(part);
    }
    Image image = images.decode(bytes, ImageUse.UPLOAD);
    return new Upload(image, (bytes[0] & 0xff) == 0xff ? "JPEG" : "PNG", bytes.length);
  }

  private byte[] bytes(HttpServletRequest request, String part, boolean bodyAllowed) {
    try {
      MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
      if (multipart != null) {
        MultipartFile file = multipart.getFile(part);
        if (file == null) {
          throw new ImageMissing(part);
        }
        return images.read(file, ImageUse.UPLOAD);
      }
      String type = request.getContentType();
      if (bodyAllowed && type != null && isImageType(type)) {
        return images.read(request, ImageUse.UPLOAD);
      }
      throw new ImageMissing(part);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the upload", e);
    }
  }

  private static boolean isImageType(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.IMAGE_JPEG) || type.isCompatibleWith(MediaType.IMAGE_PNG);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
