package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairListTests {

  @TempDir
  Path dir;

  @Test
  void readsLfwPairsWithFoldHeader() throws IOException {
    Files.createDirectories(dir.resolve("images"));
    Path file = dir.resolve("pairs.txt");
    Files.writeString(file, "2\t1\nAnn\t1\t2\nAnn\t1\tBob\t3\nCid\t4\t12\nCid\t4\tDee\t1\n");
    var pairs = PairList.read(file);
    assertThat(pairs).hasSize(4);
    assertThat(pairs.get(0).first()).isEqualTo(dir.resolve("images/Ann/Ann_0001.jpg"));
    assertThat(pairs.get(0).second()).isEqualTo(dir.resolve("images/Ann/Ann_0002.jpg"));
    assertThat(pairs.get(0).same()).isTrue();
    assertThat(pairs.get(1).second()).isEqualTo(dir.resolve("images/Bob/Bob_0003.jpg"));
    assertThat(pairs.get(1).same()).isFalse();
    assertThat(pairs).extracting(PairList.Entry::fold).containsExactly(1, 1, 2, 2);
  }

  @Test
  void readsCsvRelativeToItsFolderWithOrWithoutHeader() throws IOException {
    Path file = dir.resolve("pairs.csv");
    Files.writeString(file, "a/1.jpg,b/2.jpg,1\na/1.jpg,c/3.png,0\n");
    var pairs = PairList.read(file);
    assertThat(pairs.get(0).first()).isEqualTo(dir.resolve("a/1.jpg"));
    assertThat(pairs.get(0).same()).isTrue();
    assertThat(pairs.get(1).same()).isFalse();
    assertThat(pairs).extracting(PairList.Entry::fold).containsExactly(1, 2);

    Files.writeString(file, "set,fold,image1,image2,same\nview2,3,x.jpg,y.jpg,1\n");
    var withHeader = PairList.read(file);
    assertThat(withHeader.get(0).fold()).isEqualTo(3);
    assertThat(withHeader.get(0).second()).isEqualTo(dir.resolve("y.jpg"));
  }
}
