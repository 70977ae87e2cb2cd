package sightline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sightline.vision.model.ModelStore;

/**
 * Serves the web fonts that every page uses (Noto Sans, and Noto Sans Devanagari for Hindi), so that each language
 * renders on a machine without such fonts. They come from npm like the models ({@code @fontsource/...} in the model
 * manifest, pinned by SHA-256, verified when first read) and are kept in memory: four files, 130 kB.
 */
@Controller
class FontsController {

  /** The address of each font, without {@code .woff2}, and its manifest name. */
  private static final Map<String, String> FONTS = Map.of("noto-sans-400", "font_noto_sans_400",
      "noto-sans-700", "font_noto_sans_700", "noto-sans-devanagari-400", "font_noto_sans_devanagari_400",
      "noto-sans-devanagari-700", "font_noto_sans_devanagari_700");

  private final ModelStore files;
  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  FontsController(ModelStore files) {
    this.files = files;
  }

  @GetMapping("/fonts/{font}.woff2")
  ResponseEntity<byte[]> font(@PathVariable String font) {
    String name = FONTS.get(font);
    if (name == null) {
      return ResponseEntity.notFound().build();
    }
    byte[] bytes = loaded.computeIfAbsent(name, n -> {
      try {
        return Files.readAllBytes(files.verifiedPath(n));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("font/woff2"))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).body(bytes);
  }
}
