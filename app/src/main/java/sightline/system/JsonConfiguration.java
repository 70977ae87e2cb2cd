package sightline.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies may hold only text the database can store: a string with a NUL character (which PostgreSQL's
 * text types cannot hold) is refused while the body is read, as a 400 like any other malformed body, instead of
 * reaching the database (a sign-in attempt's identifier, a subject's name) and failing there with a 500. Lone UTF-16
 * surrogates are left to the code that reads them: a password with one is a wrong password, recorded as such
 * ({@code identity}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  JacksonModule wellFormedStrings() {
    return new SimpleModule("well-formed-strings").addDeserializer(String.class, new WellFormedStrings());
  }

  /** Jackson's own string reading, then a check for NUL. */
  static final class WellFormedStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = super.deserialize(parser, context);
      if (value != null && !wellFormed(value)) {
        return (String) context.handleWeirdStringValue(String.class, value,
            "text holds a NUL character, which cannot be stored");
      }
      return value;
    }

    static boolean wellFormed(String value) {
      return value.indexOf(0) < 0;
    }
  }
}
