package sightline.biometrics.faceapi;

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
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;

/**
 * Reads and judges the face API's uploads: a multipart part (e.g. {@code file}) or, for single-image endpoints, the
 * raw body with {@code Content-Type: image/jpeg} or {@code image/png}. The format is judged by content, not by the
 * declared type; size limits come from {@link FaceApiSettings} (the stricter of those and {@link FaceEngine}'s).
 * Faces are found by the shared {@link FaceEngine}. Thread-safe.
 */
@Component
class ImageUploads {

  /** An upload, decoded, with the facts about it that are kept (never its pixels). */
  record Upload(Image image, String format, int bytes) {}

  private final ImageDecoder decoder;
  private final FaceEngine engine;
  private final long maxBytes;

  ImageUploads(FaceApiSettings settings, FaceEngine engine) {
    this.maxBytes = settings.maxImageSize().toBytes();
    this.decoder = new ImageDecoder(ImageDecoder.Limits.defaults().withMaxBytes(maxBytes)
        .withMaxPixels(settings.maxImagePixels()));
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
    Image image = decoder.decode(bytes);
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
        // One byte over the limit is enough for the decoder to refuse it as too large.
        try (var in = file.getInputStream()) {
          return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
      }
      String type = request.getContentType();
      if (bodyAllowed && type != null && isImageType(type)) {
        return request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
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
