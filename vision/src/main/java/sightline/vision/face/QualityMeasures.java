package sightline.vision.face;

/** Computes {@link FaceQuality} from a grey crop. Pure function, package-private. */
final class QualityMeasures {

  private QualityMeasures() {
  }

  /** @param grey row-major grey values 0–255, {@code size x size} */
  static FaceQuality measure(float[] grey, int size, double faceSizePx) {
    double sum = 0, sumSq = 0;
    for (float v : grey) {
      sum += v;
      sumSq += (double) v * v;
    }
    double mean = sum / grey.length;
    double variance = Math.max(0, sumSq / grey.length - mean * mean);
    double lapSum = 0, lapSq = 0;
    int n = 0;
    for (int y = 1; y < size - 1; y++) {
      for (int x = 1; x < size - 1; x++) {
        int i = y * size + x;
        double lap = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - 4.0 * grey[i];
        lapSum += lap;
        lapSq += lap * lap;
        n++;
      }
    }
    double lapMean = n == 0 ? 0 : lapSum / n;
    double sharpness = n == 0 ? 0 : Math.max(0, lapSq / n - lapMean * lapMean);
    return new FaceQuality(faceSizePx, sharpness, mean / 255, Math.sqrt(variance) / 255);
  }
}
