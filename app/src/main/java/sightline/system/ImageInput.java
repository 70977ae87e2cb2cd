package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import sightline.vision.DecodePlan;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;

/**
 * The one way pictures come into the server, for every module: a request body or an uploaded file is read with a
 * bound (never more than one byte past the use's limit in memory), then planned and decoded by the vision
 * {@link ImageDecoder} configured for its {@link ImageUse}. Every limit is checked from the header, before any pixel
 * is decoded ({@link ImageDecoder#plan}): bytes, pixels, side, aspect ratio, JPEG scans and the memory decoding would
 * take. Pictures are decoded straight to the size their use needs ({@link Limits#decodeSidePx()}: 1920 px for
 * photos and uploads, which is all face analysis reads), never held at full size. The decode then waits for its
 * estimated memory in the shared {@code image-decode} pool of {@link Workload} ({@code sightline.images.decode-memory},
 * 384 MiB by default), so parallel uploads cannot add up past it, and runs as one piece of its caller's work (one at
 * a time per caller).
 *
 * <p>A camera frame over its limits is a {@link FrameTooLarge} (413, with the limits a camera client can act on);
 * any other picture over its limits, or one that is not a JPEG or PNG, is the decoder's {@link ImageRejected} (413
 * naming the limit, 415 or 422 through {@code ErrorHandling}). Thread-safe.
 */
@Component
public class ImageInput {

  /**
   * The limits of one use.
   *
   * @param maxBytes     largest encoded picture, in bytes
   * @param maxPixels    largest {@code width * height}, checked from the header before any pixel memory
   * @param maxSidePx    longest side in pixels, for {@link ImageUse#FRAME} (0 for the others: the decoder's side,
   *                     aspect-ratio and memory limits bound them)
   * @param decodeSidePx longest side a picture is decoded to; larger ones are averaged down while decoding (0: the
   *                     full size)
   */
  public record Limits(long maxBytes, long maxPixels, int maxSidePx, int decodeSidePx) {}

  /** Decode memory shared by all decodes at once, unless configured. */
  static final DataSize DEFAULT_DECODE_MEMORY = DataSize.ofMegabytes(384);

  private final Map<ImageUse, Limits> limits = new EnumMap<>(ImageUse.class);
  private final Map<ImageUse, ImageDecoder> decoders = new EnumMap<>(ImageUse.class);

  private final Workload workload;
  private final Workload.Pool decodeMemory;

  @Autowired
  ImageInput(Environment environment, Workload workload) {
    Binder binder = Binder.get(environment);
    for (ImageUse use : ImageUse.values()) {
      String prefix = "sightline.images." + use.key() + ".";
      var configured = new Limits(
          setting(binder, DataSize.class, prefix + "max-bytes", use.legacyMaxBytes, DataSize.ofBytes(use.maxBytes))
              .toBytes(),
          setting(binder, Long.class, prefix + "max-pixels", use.legacyMaxPixels, use.maxPixels),
          use == ImageUse.FRAME
              ? setting(binder, Integer.class, prefix + "max-side-px", use.legacyMaxSidePx, use.maxSidePx) : 0,
          setting(binder, Integer.class, prefix + "decode-side-px", null, use.decodeSidePx));
      limits.put(use, configured);
      // Starting from the use's decoder limits keeps any limit the decoder adds later; the settings override them.
      ImageDecoder.Limits decoder = use.decoderLimits().withMaxBytes(configured.maxBytes())
          .withMaxPixels(configured.maxSidePx() > 0
              ? Math.min(configured.maxPixels(), (long) configured.maxSidePx() * configured.maxSidePx())
              : configured.maxPixels());
      if (configured.maxSidePx() > 0) {
        decoder = decoder.withMaxSide(Math.min(decoder.maxSide(), configured.maxSidePx()));
      }
      decoders.put(use, new ImageDecoder(decoder));
    }
    long largest = decoders.values().stream().mapToLong(d -> d.limits().maxDecodeBytes()).max().orElse(1);
    long pool = Math.max(largest, binder.bind("sightline.images.decode-memory", DataSize.class)
        .orElse(DEFAULT_DECODE_MEMORY).toBytes());
    this.workload = workload;
    this.decodeMemory = workload.pool("image-decode", mebibytes(pool));
  }

  /** With its own workload (tests). */
  ImageInput(Environment environment) {
    this(environment, new Workload(java.time.Duration.ofSeconds(10), 1, 4));
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
   * Decodes a picture by its content, within the use's limits, to at most the use's
   * {@link Limits#decodeSidePx()}. Nothing is decoded before every limit has been checked from the header.
   *
   * @throws FrameTooLarge  when a {@link ImageUse#FRAME} is larger than a frame may be
   * @throws ImageRejected  when the bytes are not a JPEG or PNG within the limits
   * @throws CallerBusy     when the same caller is already decoding or analysing a picture
   * @throws ServerBusy     when the shared decode memory stayed taken for the whole wait budget
   */
  public Image decode(byte[] encoded, ImageUse use) {
    DecodePlan plan = plan(encoded, use);
    return workload.run(decodeMemory, mebibytes(plan.estimatedBytes()), plan::decode);
  }

  /**
   * Checks every limit of the use from the header and says what decoding will produce and cost, without decoding.
   *
   * @throws FrameTooLarge  when a {@link ImageUse#FRAME} is larger than a frame may be
   * @throws ImageRejected  when the bytes are not a JPEG or PNG within the limits
   */
  public DecodePlan plan(byte[] encoded, ImageUse use) {
    return plan(encoded, use, Integer.MAX_VALUE);
  }

  /** {@link #plan(byte[], ImageUse)} to at most {@code maxSidePx} and the use's own decode size, the smaller. */
  private DecodePlan plan(byte[] encoded, ImageUse use, int maxSidePx) {
    Limits limit = limits.get(use);
    DecodePlan plan;
    try {
      plan = decoders.get(use).plan(encoded,
          Math.min(maxSidePx, limit.decodeSidePx() > 0 ? limit.decodeSidePx() : Integer.MAX_VALUE));
    } catch (ImageRejected e) {
      if (use == ImageUse.FRAME && e.reason() == ImageRejected.Reason.TOO_LARGE) {
        throw new FrameTooLarge(limit);
      }
      throw e;
    }
    if (limit.maxSidePx() > 0 && Math.max(plan.sourceWidth(), plan.sourceHeight()) > limit.maxSidePx()) {
      throw new FrameTooLarge(limit);
    }
    return plan;
  }

  private static int mebibytes(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + (1 << 20) - 1) >> 20));
  }

  /**
   * Decodes a picture by its content, within the use's limits, straight to at most {@code maxSidePx} on its longer
   * side (the limits apply to the picture as sent; a smaller target only saves memory and time), as
   * {@link #decode(byte[], ImageUse)} does otherwise. EXIF orientation is applied; no metadata survives.
   *
   * @param maxSidePx at least 1; a frame is decoded at its own size whatever this says
   * @throws FrameTooLarge  when a {@link ImageUse#FRAME} is larger than a frame may be
   * @throws ImageRejected  when the bytes are not a JPEG or PNG within the limits
   * @throws CallerBusy     when the same caller is already decoding or analysing a picture
   * @throws ServerBusy     when the shared decode memory stayed taken for the whole wait budget
   */
  public Image decode(byte[] encoded, ImageUse use, int maxSidePx) {
    if (maxSidePx < 1) {
      throw new IllegalArgumentException("maxSidePx must be at least 1, was " + maxSidePx);
    }
    DecodePlan plan = plan(encoded, use, use == ImageUse.FRAME ? Integer.MAX_VALUE : maxSidePx);
    return workload.run(decodeMemory, mebibytes(plan.estimatedBytes()), plan::decode);
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
