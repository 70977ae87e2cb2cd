package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFoldersTests {

  @TempDir
  Path dir;

  @Test
  void slugsMatchPlantVillageFoldersToLabels() {
    assertThat(ClassFolders.slug("Pepper,_bell___healthy")).isEqualTo("pepper_bell_healthy");
    assertThat(ClassFolders.slug("Corn___Cercospora_leaf_spot Gray_leaf_spot"))
        .isEqualTo("corn_cercospora_leaf_spot_gray_leaf_spot");
    assertThat(ClassFolders.slug("Orange___Haunglongbing_(Citrus_greening)"))
        .isEqualTo("orange_haunglongbing_citrus_greening");
    assertThat(ClassFolders.slug("_Background_without_leaves_")).isEqualTo("background_without_leaves");
  }

  @Test
  void walksOneFolderPerClassOrReadsOnePartOfASplit() throws IOException {
    Files.createDirectories(dir.resolve("Pepper,_bell___healthy"));
    Files.createDirectories(dir.resolve("Apple___healthy"));
    Files.write(dir.resolve("Pepper,_bell___healthy/a b.JPG"), new byte[] {1});
    Files.write(dir.resolve("Apple___healthy/c.png"), new byte[] {1});
    Files.write(dir.resolve("Apple___healthy/notes.txt"), new byte[] {1});
    Files.write(dir.resolve("labels.csv"), new byte[] {1});

    assertThat(ClassFolders.read(dir, null, "test")).containsExactly(
        new ClassFolders.Entry(dir.resolve("Apple___healthy/c.png"), "apple_healthy"),
        new ClassFolders.Entry(dir.resolve("Pepper,_bell___healthy/a b.JPG"), "pepper_bell_healthy"));

    Path split = dir.resolve("split.csv");
    Files.writeString(split, """
        path,label,split,group
        Apple___healthy/c.png,apple_healthy,train,g1
        "Pepper,_bell___healthy/a b.JPG",pepper_bell_healthy,test,g2
        """);
    assertThat(ClassFolders.read(dir, split, "test")).containsExactly(
        new ClassFolders.Entry(dir.resolve("Pepper,_bell___healthy/a b.JPG"), "pepper_bell_healthy"));
    assertThat(ClassFolders.read(dir, split, "train")).hasSize(1);
    assertThat(ClassFolders.read(dir, split, "val")).isEmpty();
  }

  @Test
  void aSplitNamingAMissingPictureOrLackingColumnsIsRefused() throws IOException {
    Path split = dir.resolve("split.csv");
    Files.writeString(split, "path,split\nApple___healthy/gone.jpg,test\n");
    assertThatThrownBy(() -> ClassFolders.read(dir, split, "test")).hasMessageContaining("gone.jpg");
    Files.writeString(split, "image,part\nx.jpg,test\n");
    assertThatThrownBy(() -> ClassFolders.read(dir, split, "test")).hasMessageContaining("path and split");
  }
}
