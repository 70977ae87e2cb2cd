package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImagesTests {

  @TempDir
  Path dir;

  @Test
  void readsColumnsByNameWithQuotedFields() throws IOException {
    Files.writeString(dir.resolve("labels.csv"), """
        image,label,attack_type,approx_time_s,note
        frames/live/a.jpg,live,none,0.0,"frontal, looking at camera"
        frames/spoof/b.jpg,spoof,replay_phone,0.5,"MIXED: a ""live"" face too"
        """);
    var entries = LabelledImages.read(dir);
    assertThat(entries).containsExactly(
        new LabelledImages.Entry(dir.resolve("frames/live/a.jpg"), "none", null),
        new LabelledImages.Entry(dir.resolve("frames/spoof/b.jpg"), "replay_phone", null));
    assertThat(LabelledImages.fields("a,\"b, \"\"c\"\"\",d")).containsExactly("a", "b, \"c\"", "d");
  }

  @Test
  void readsTheSplitColumnWhenPresent() throws IOException {
    Files.writeString(dir.resolve("labels.csv"), """
        label,image,attack_type,subject,split
        spoof,attack/x.jpg,print,client001,test
        live,real/y.jpg,whatever,client001,train
        """);
    var entries = LabelledImages.read(dir);
    assertThat(entries.get(0)).isEqualTo(new LabelledImages.Entry(dir.resolve("attack/x.jpg"), "print", "test"));
    assertThat(entries.get(1).attackType()).isEqualTo(LivenessStats.BONA_FIDE);
    assertThat(entries.get(1).split()).isEqualTo("train");
  }

  @Test
  void refusesUnknownLabelsAndMissingColumns() throws IOException {
    Files.writeString(dir.resolve("labels.csv"), "image,label,attack_type\na.jpg,maybe,none\n");
    assertThatThrownBy(() -> LabelledImages.read(dir)).hasMessageContaining("live or spoof");
    Files.writeString(dir.resolve("labels.csv"), "image,label\na.jpg,live\n");
    assertThatThrownBy(() -> LabelledImages.read(dir)).hasMessageContaining("attack_type");
  }
}
