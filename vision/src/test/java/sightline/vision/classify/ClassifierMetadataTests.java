package sightline.vision.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import sightline.vision.classify.ClassifierMetadata.ChannelOrder;
import sightline.vision.classify.ClassifierMetadata.Layout;
import sightline.vision.classify.ClassifierMetadata.Output;
import sightline.vision.classify.ClassifierMetadata.ResizeMode;

class ClassifierMetadataTests {

  static Properties properties(String text) throws IOException {
    var properties = new Properties();
    properties.load(new StringReader(text));
    return properties;
  }

  static final String MINIMAL = """
      label.0=Apple scab
      label.1=Healthy
      input.width=224
      input.height=192
      input.layout=nhwc
      input.channels=BGR
      input.resize=center-crop
      output=PROBABILITIES
      """;

  @Test
  void readsEveryKeyAndDefaultsTheOptionalOnes() throws IOException {
    ClassifierMetadata m = ClassifierMetadata.fromProperties(properties(MINIMAL));
    assertThat(m.labels()).containsExactly("Apple scab", "Healthy");
    assertThat(m.width()).isEqualTo(224);
    assertThat(m.height()).isEqualTo(192);
    assertThat(m.layout()).isEqualTo(Layout.NHWC);
    assertThat(m.channelOrder()).isEqualTo(ChannelOrder.BGR);
    assertThat(m.resize()).isEqualTo(ResizeMode.CENTER_CROP);
    assertThat(m.output()).isEqualTo(Output.PROBABILITIES);
    assertThat(m.scale()).isEqualTo(1f / 255f);
    assertThat(m.mean()).containsExactly(0f, 0f, 0f);
    assertThat(m.std()).containsExactly(1f, 1f, 1f);
    assertThat(m.crop()).isEqualTo(1f);
    assertThat(m.version()).isEmpty();
    assertThat(m.reject()).isEqualTo(RejectRule.none());

    ClassifierMetadata full = ClassifierMetadata.fromProperties(properties(MINIMAL
        + "input.mean=0.485, 0.456, 0.406\ninput.std=0.229,0.224,0.225\ninput.crop=0.875\ninput.pad=114\n"));
    assertThat(full.mean()).containsExactly(0.485f, 0.456f, 0.406f);
    assertThat(full.std()).containsExactly(0.229f, 0.224f, 0.225f);
    assertThat(full.crop()).isEqualTo(0.875f);
    assertThat(full.pad()).isEqualTo(114);
  }

  @Test
  void readsTheVersionAndTheRejectRule() throws IOException {
    ClassifierMetadata m = ClassifierMetadata.fromProperties(properties(MINIMAL + "version=v7\n"
        + "reject.labels=Healthy, Apple scab\nreject.min-probability=0.45\nreject.min-margin=0.2\n"));
    assertThat(m.version()).isEqualTo("v7");
    assertThat(m.reject().labels()).containsExactlyInAnyOrder("Healthy", "Apple scab");
    assertThat(m.reject().minProbability()).isEqualTo(0.45f);
    assertThat(m.reject().minMargin()).isEqualTo(0.2f);
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "reject.labels=Rust\n")))
        .hasMessageContaining("reject.labels names Rust");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "reject.min-margin=1.5\n")))
        .hasMessageContaining("reject.min-margin");
  }

  @Test
  void refusesWhatWouldOtherwiseFailSilently() {
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "input.meen=0,0,0\n")))
        .hasMessageContaining("unknown key").hasMessageContaining("input.meen");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL.replace("output=PROBABILITIES\n",
        "")))).hasMessageContaining("needs output");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "label.3=Rust\n")))
        .hasMessageContaining("without gaps");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL.replace("NHWC", "CHW")
        .replace("nhwc", "CHW")))).hasMessageContaining("input.layout must be one of [NCHW, NHWC]");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "input.std=1,0,1\n")))
        .hasMessageContaining("std positive");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "input.mean=1,2\n")))
        .hasMessageContaining("three numbers");
    assertThatThrownBy(() -> ClassifierMetadata.fromProperties(properties(MINIMAL + "input.crop=1.5\n")))
        .hasMessageContaining("crop");
  }

  @Test
  void listsAreCopiedSoTheRecordStaysImmutable() {
    var labels = new java.util.ArrayList<>(List.of("a"));
    var m = new ClassifierMetadata(labels, 2, 2, Layout.NCHW, ChannelOrder.RGB, 1f, List.of(0f, 0f, 0f),
        List.of(1f, 1f, 1f), ResizeMode.STRETCH, 1f, 0, Output.LOGITS);
    labels.add("b");
    assertThat(m.labels()).containsExactly("a");
  }
}
