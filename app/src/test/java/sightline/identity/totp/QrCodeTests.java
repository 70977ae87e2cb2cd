package sightline.identity.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeTests {

  private static final String URI = TwoFactor.otpauthUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "ada@example.org");

  @Test
  void aQrReaderReadsTheProvisioningUriBack() throws Exception {
    BitMatrix matrix = QrCode.encode(URI);
    int scale = 4;
    int width = matrix.getWidth() * scale;
    int height = matrix.getHeight() * scale;
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
      }
    }
    var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(URI);
  }

  @Test
  void theSvgDrawsExactlyTheDarkModules() {
    BitMatrix matrix = QrCode.encode(URI);
    String dataUri = QrCode.svgDataUri(URI);
    assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
    String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
        StandardCharsets.UTF_8);
    assertThat(svg).contains("viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight() + "\"");
    Set<String> drawn = new HashSet<>();
    var squares = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (squares.find()) {
      drawn.add(squares.group(1) + "," + squares.group(2));
    }
    Set<String> dark = new HashSet<>();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          dark.add(x + "," + y);
        }
      }
    }
    assertThat(drawn).isNotEmpty().isEqualTo(dark);
  }
}
