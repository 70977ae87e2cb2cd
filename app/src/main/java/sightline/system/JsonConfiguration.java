package sightline.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies may hold only text every part of Sightline can store: a string with a lone UTF-16 surrogate
 * (which JSON's six-character escapes can express but no UTF-8 text can) or a NUL character (which PostgreSQL's
 * text types cannot hold) is refused while the body is read, as a 400 like any other malformed body, instead of
 * reaching code that encodes or stores it (a password hash, the database, a log line) and failing there with a 500.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  JacksonModule wellFormedStrings() {
    return new SimpleModule("well-formed-strings").addDeserializer(String.class, new WellFormedStrings());
  }

  /** Jackson's own string reading, then a check for unpaired surrogates and NUL. */
  static final class WellFormedStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (value != null && !wellFormed(value)) {
        return (String) context.handleWeirdStringValue(String.class, value,
            "text holds a NUL or a lone UTF-16 surrogate, which cannot be stored");
      }
      return value;
    }

    static boolean wellFormed(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c) || c == 0) {
          return false;
        }
      }
      return true;
    }
  }
}
