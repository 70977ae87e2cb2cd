package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** Strings in JSON bodies are text the database can store: a NUL is refused while reading, everything else kept. */
class JsonConfigurationTests {

  record SignIn(String email, String password, List<String> tags) {}

  private final JsonMapper json = JsonMapper.builder().addModule(new JsonConfiguration().wellFormedStrings()).build();

  @Test
  void refusesNulAnywhereAStringIsRead() {
    for (String body : List.of("{\"email\":\"a\\u0000@b.org\",\"password\":\"p\",\"tags\":[]}",
        "{\"email\":\"a@b.org\",\"password\":\"p\",\"tags\":[\"ok\",\"\\u0000\"]}")) {
      assertThatThrownBy(() -> json.readValue(body, SignIn.class)).as(body).isInstanceOf(DatabindException.class);
    }
  }

  @Test
  void keepsEverythingElseEvenLoneSurrogatesForTheCodeThatReadsThem() {
    SignIn read = json.readValue("{\"email\":\"ana@example.org\",\"password\":\"\\ud83d\\ude00 long enough\","
        + "\"tags\":[\"\u00e9\"]}", SignIn.class);
    assertThat(read.password()).isEqualTo("\ud83d\ude00 long enough");
    assertThat(read.tags()).containsExactly("\u00e9");
    assertThat(json.readValue("{\"email\":\"a@b.org\",\"password\":\"\\udfff\",\"tags\":[]}", SignIn.class)
        .password()).isEqualTo("\udfff");
  }
}
