package sightline.vision.testing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.model.ModelStore;

/**
 * Prints what decoding members of the hostile-image set costs on the calling thread: wall time, CPU time and bytes
 * allocated ({@code com.sun.management.ThreadMXBean}), and the outcome. With {@code --detect} the decoded picture
 * also goes through face detection, as an upload to the face API does. Uses only vision's public API, so the same
 * tool measures any version of the decoder.
 *
 * <pre>
 * java -cp vision/target/test-classes:vision/target/classes:$(cat vision/target/classpath.txt) \
 *     sightline.vision.testing.DecodeCost [--detect] [--repeat N] [--max-side N] png-16-bit-rgba-4896x4896 ...
 * </pre>
 *
 * Peak heap is measured from outside: run it once per input under decreasing {@code -Xmx} (with
 * {@code -XX:+UseSerialGC}) and note the smallest heap that still decodes.
 */
public final class DecodeCost {

  private DecodeCost() {
  }

  public static void main(String[] args) throws Exception {
    boolean detect = false;
    int repeat = 1;
    int maxSide = 0;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--detect" -> detect = true;
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--max-side" -> maxSide = Integer.parseInt(args[++i]);
        default -> names.add(args[i]);
      }
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().threadId();
    var decoder = ImageDecoder.withDefaults();
    FaceAnalyzer faces = detect ? FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.defaults()) : null;
    for (HostileImage input : HostileImages.all()) {
      if (!names.isEmpty() && !names.contains(input.name())) continue;
      for (int r = 0; r < repeat; r++) {
        long allocated = threads.getThreadAllocatedBytes(self);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        String outcome;
        try {
          Image image = maxSide > 0 ? decodeScaled(decoder, input.bytes(), maxSide) : decoder.decode(input.bytes());
          outcome = image.width() + "x" + image.height();
          if (faces != null) {
            outcome += ", " + faces.analyze(image, Set.of()).size() + " faces";
          }
        } catch (ImageRejected e) {
          outcome = e.reason() + ": " + e.getMessage();
        }
        System.out.printf("%-40s %6d bytes  wall %8.1f ms  cpu %8.1f ms  allocated %8.1f MB  %s%n", input.name(),
            input.bytes().length, (System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
            (threads.getThreadAllocatedBytes(self) - allocated) / 1e6, outcome);
      }
    }
    if (faces != null) faces.close();
  }

  /** {@code decoder.decode(bytes, maxSide)} where it exists (looked up so that older decoders still compile). */
  private static Image decodeScaled(ImageDecoder decoder, byte[] bytes, int maxSide) throws Exception {
    try {
      return (Image) ImageDecoder.class.getMethod("decode", byte[].class, int.class).invoke(decoder, bytes, maxSide);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw e;
    }
  }
}
