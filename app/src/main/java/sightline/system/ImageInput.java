package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;

/**
 * The one way pictures come into the server, for every module: a request body or an uploaded file is read with a
 * bound (never more than one byte past the use's limit in memory), then decoded by the vision {@link ImageDecoder}
 * configured for its {@link ImageUse}. Every limit is checked once, when decoding: bytes and pixels by the decoder,
 * the side length of a frame right after it. A camera frame over its limits is a {@link FrameTooLarge} (413, with
 * the limits a camera client can act on); any other picture over its limits, or one that is not a JPEG or PNG, is
 * the decoder's {@link ImageRejected} (413, 415 or 422 through {@code ErrorHandling}). Thread-safe.
 */
@Component
public class ImageInput {

  /**
   * The limits of one use.
   *
   * @param maxBytes  largest encoded picture, in bytes
   * @param maxPixels largest {@code width * height}, checked from the header before any pixel memory
   * @param maxSidePx longest side in pixels, for {@link ImageUse#FRAME} (0 for the others: their pixel limit bounds
   *                  them)
   */
  public record Limits(long maxBytes, long maxPixels, int maxSidePx) {}

  private final Map<ImageUse, Limits> limits = new EnumMap<>(ImageUse.class);
  private final Map<ImageUse, ImageDecoder> decoders = new EnumMap<>(ImageUse.class);

  ImageInput(Environment environment) {
    Binder binder = Binder.get(environment);
    for (ImageUse use : ImageUse.values()) {
      String prefix = "sightline.images." + use.key() + ".";
      var configured = new Limits(
          setting(binder, DataSize.class, prefix + "max-bytes", use.legacyMaxBytes, DataSize.ofBytes(use.maxBytes))
              .toBytes(),
          setting(binder, Long.class, prefix + "max-pixels", use.legacyMaxPixels, use.maxPixels),
          use == ImageUse.FRAME
              ? setting(binder, Integer.class, prefix + "max-side-px", use.legacyMaxSidePx, use.maxSidePx) : 0);
      limits.put(use, configured);
      // Starting from the decoder's defaults keeps any limit it adds later; the use's own limits override them.
      decoders.put(use, new ImageDecoder(ImageDecoder.Limits.defaults().withMaxBytes(configured.maxBytes())
          .withMaxPixels(configured.maxSidePx() > 0
              ? Math.min(configured.maxPixels(), (long) configured.maxSidePx() * configured.maxSidePx())
              : configured.maxPixels())));
    }
  }

  /** The limits in force for {@code use}. */
  public Limits limits(ImageUse use) {
    return limits.get(use);
  }

  /** The request body, read up to one byte past the use's byte limit (the decoder refuses more). */
  public byte[] read(HttpServletRequest request, ImageUse use) throws IOException {
    try (InputStream body = request.getInputStream()) {
      return bounded(body, use);
    }
  }

  /** An uploaded file, read up to one byte past the use's byte limit (the decoder refuses more). */
  public byte[] read(MultipartFile file, ImageUse use) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return bounded(in, use);
    }
  }

  /** The non-empty files among {@code files}, each read as {@link #read(MultipartFile, ImageUse)}. */
  public List<byte[]> read(@Nullable List<MultipartFile> files, ImageUse use) throws IOException {
    List<byte[]> read = new ArrayList<>();
    if (files != null) {
      for (MultipartFile file : files) {
        if (!file.isEmpty()) {
          read.add(read(file, use));
        }
      }
    }
    return read;
  }

  /**
   * Decodes a picture by its content, within the use's limits.
   *
   * @throws FrameTooLarge  when a {@link ImageUse#FRAME} is larger than a frame may be
   * @throws ImageRejected  when the bytes are not a JPEG or PNG within the limits
   */
  public Image decode(byte[] encoded, ImageUse use) {
    Limits limit = limits.get(use);
    Image image;
    try {
      image = decoders.get(use).decode(encoded);
    } catch (ImageRejected e) {
      if (use == ImageUse.FRAME && e.reason() == ImageRejected.Reason.TOO_LARGE) {
        throw new FrameTooLarge(limit);
      }
      throw e;
    }
    if (limit.maxSidePx() > 0 && Math.max(image.width(), image.height()) > limit.maxSidePx()) {
      throw new FrameTooLarge(limit);
    }
    return image;
  }

  /**
   * Decodes a picture by its content, within the use's limits, straight to at most {@code maxSidePx} on its longer
   * side (the limits apply to the picture as sent; a smaller target only saves memory and time). EXIF orientation is
   * applied; no metadata survives.
   *
   * @throws FrameTooLarge  when a {@link ImageUse#FRAME} is larger than a frame may be
   * @throws ImageRejected  when the bytes are not a JPEG or PNG within the limits
   */
  public Image decode(byte[] encoded, ImageUse use, int maxSidePx) {
    if (use == ImageUse.FRAME) {
      return decode(encoded, use);
    }
    return decoders.get(use).decode(encoded, maxSidePx);
  }

  private byte[] bounded(InputStream in, ImageUse use) throws IOException {
    return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.get(use).maxBytes() + 1));
  }

  /** The setting {@code name}, else its older name, else the default. */
  private static <T> T setting(Binder binder, Class<T> type, String name, @Nullable String legacy, T fallback) {
    return binder.bind(name, type)
        .orElseGet(() -> legacy == null ? fallback : binder.bind(legacy, type).orElse(fallback));
  }
}
