package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strings in JSON bodies are text that can be stored: a lone surrogate or a NUL is refused while reading, a pair is a
 * character.
 */
class JsonConfigurationTests {

  record SignIn(String email, String password, List<String> tags) {}

  private final JsonMapper json = JsonMapper.builder().addModule(new JsonConfiguration().wellFormedStrings()).build();

  @Test
  void refusesLoneSurrogatesAndNulAnywhereAStringIsRead() {
    for (String body : List.of("{\"email\":\"a@b.org\",\"password\":\"\\udfff\",\"tags\":[]}",
        "{\"email\":\"\\ud800x\",\"password\":\"p\",\"tags\":[]}",
        "{\"email\":\"a@b.org\",\"password\":\"p\",\"tags\":[\"ok\",\"\\udc00\"]}",
        "{\"email\":\"a\\u0000@b.org\",\"password\":\"p\",\"tags\":[]}")) {
      assertThatThrownBy(() -> json.readValue(body, SignIn.class)).as(body).isInstanceOf(DatabindException.class);
    }
  }

  @Test
  void keepsSurrogatePairsAndOrdinaryText() {
    SignIn read = json.readValue("{\"email\":\"ana@example.org\",\"password\":\"\\ud83d\\ude00 long enough\","
        + "\"tags\":[\"\u00e9\"]}", SignIn.class);
    assertThat(read.password()).isEqualTo("\ud83d\ude00 long enough");
    assertThat(read.tags()).containsExactly("\u00e9");
  }
}
