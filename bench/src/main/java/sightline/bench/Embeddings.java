package sightline.bench;

import java.util.SplittableRandom;

/** Synthetic 512-d embeddings for the index benchmarks. */
final class Embeddings {

  private Embeddings() {
  }

  static float[] random(SplittableRandom random, int d) {
    float[] v = new float[d];
    for (int j = 0; j < d; j++) {
      v[j] = (float) random.nextGaussian();
    }
    return v;
  }

  /** A second capture of the same face: about {@code 1 / sqrt(1 + noise^2)} cosine to {@code centre}. */
  static float[] near(SplittableRandom random, float[] centre, double noise) {
    double norm = 0;
    for (float c : centre) {
      norm += c * c;
    }
    norm = Math.sqrt(norm);
    float[] v = random(random, centre.length);
    double scale = Math.sqrt(centre.length);
    for (int j = 0; j < v.length; j++) {
      v[j] = (float) (centre[j] / norm + noise * v[j] / scale);
    }
    return v;
  }
}
