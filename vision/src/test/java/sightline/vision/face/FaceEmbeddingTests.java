package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaceEmbeddingTests {

  @Test
  void normalisesAndComparesWithPlainCosine() {
    var a = new FaceEmbedding(new float[] {3, 4, 0});
    assertThat(a.vector()).containsExactly(0.6f, 0.8f, 0f);
    var b = new FaceEmbedding(new float[] {30, 40, 0});
    assertThat(a.similarity(b)).isCloseTo(1, within(1e-6));
    var c = new FaceEmbedding(new float[] {0, 0, 2});
    assertThat(a.similarity(c)).isCloseTo(0, within(1e-9));
    var d = new FaceEmbedding(new float[] {-3, -4, 0});
    assertThat(a.similarity(d)).isCloseTo(-1, within(1e-6));
  }

  @Test
  void cosineIsNotThePackagesMeanCentredScore() {
    // matchFeature in lib/fr_feature.js subtracts the pair's mean: for two vectors that differ only by an offset
    // it reports -1, although their cosine is high.
    var a = new FaceEmbedding(new float[] {1, 2, 3});
    var b = new FaceEmbedding(new float[] {2, 3, 4});
    assertThat(a.similarity(b)).isGreaterThan(0.99);
  }

  @Test
  void copiesAndRefusesDegenerateVectors() {
    float[] raw = {1, 0};
    var e = new FaceEmbedding(raw);
    raw[0] = 0;
    e.vector()[0] = 0;
    assertThat(e.vector()[0]).isEqualTo(1f);
    assertThatThrownBy(() -> new FaceEmbedding(new float[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaceEmbedding(new float[] {Float.NaN})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.similarity(new FaceEmbedding(new float[] {1, 0, 0})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(e.toString()).isEqualTo("FaceEmbedding[2-d]");
  }
}
