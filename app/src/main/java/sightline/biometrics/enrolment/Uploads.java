package sightline.biometrics.enrolment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** Reading pictures from requests with a size limit. */
final class Uploads {

  /** A camera frame of ≤ 640 px is 30–150 KB as JPEG; 2 MiB leaves room for a PNG or a larger photo check. */
  static final int MAX_FRAME_BYTES = 2 * 1024 * 1024;

  private Uploads() {
  }

  /** The request body, refused beyond {@link #MAX_FRAME_BYTES} without reading more than that. */
  static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_FRAME_BYTES) {
      throw new FrameTooLarge(MAX_FRAME_BYTES);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FRAME_BYTES + 1);
      if (bytes.length > MAX_FRAME_BYTES) {
        throw new FrameTooLarge(MAX_FRAME_BYTES);
      }
      return bytes;
    }
  }

  /** The non-empty files' bytes. */
  static List<byte[]> files(@Nullable List<MultipartFile> files) throws IOException {
    List<byte[]> out = new ArrayList<>();
    if (files != null) {
      for (MultipartFile file : files) {
        if (!file.isEmpty()) {
          out.add(file.getBytes());
        }
      }
    }
    return out;
  }
}
