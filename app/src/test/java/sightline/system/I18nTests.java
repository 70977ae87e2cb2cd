package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every visible string comes from the message bundles, and every bundle has every key: a template with hard-coded
 * text, a key used but never defined, or a translation left out fails the build.
 */
class I18nTests {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path MESSAGES = Path.of("src/main/resources/messages");
  private static final List<String> LANGUAGES = List.of("hi", "es");
  private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

  @Test
  void templatesHoldNoHardCodedText() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path template : templates()) {
      var document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
      for (Element element : document.getAllElements()) {
        if (element.nameIs("script") || element.nameIs("style")) {
          continue;
        }
        boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext")
            || element.hasAttr("th:replace") || element.hasAttr("th:insert");
        if (!replaced && LETTER.matcher(element.ownText()).find()) {
          offences.add(template.getFileName() + ": <" + element.tagName() + "> \"" + element.ownText() + "\"");
        }
        for (String attribute : TEXT_ATTRIBUTES) {
          if (LETTER.matcher(element.attr(attribute)).find()) {
            offences.add(template.getFileName() + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
          }
        }
      }
    }
    assertThat(offences).as("text in templates must come from messages/*.properties").isEmpty();
  }

  @Test
  void everyKeyATemplateUsesIsDefined() throws IOException {
    Set<String> defined = keys("");
    Set<String> missing = new TreeSet<>();
    for (Path template : templates()) {
      var matcher = KEY.matcher(Files.readString(template));
      while (matcher.find()) {
        if (!defined.contains(matcher.group(1))) {
          missing.add(template.getFileName() + ": " + matcher.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyLanguageHasEveryKeyAndNoExtras() throws IOException {
    try (Stream<Path> files = Files.list(MESSAGES)) {
      for (Path base : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
        String bundle = base.getFileName().toString().replace(".properties", "");
        Set<String> english = keys(bundle, "");
        for (String language : LANGUAGES) {
          assertThat(keys(bundle, "_" + language)).as(bundle + "_" + language).isEqualTo(english);
        }
      }
    }
  }

  private static Set<String> keys(String suffix) throws IOException {
    Set<String> all = new TreeSet<>();
    try (Stream<Path> files = Files.list(MESSAGES)) {
      for (Path base : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
        all.addAll(keys(base.getFileName().toString().replace(".properties", ""), suffix));
      }
    }
    return all;
  }

  private static Set<String> keys(String bundle, String suffix) throws IOException {
    var properties = new Properties();
    try (InputStream in = Files.newInputStream(MESSAGES.resolve(bundle + suffix + ".properties"))) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> walk = Files.walk(TEMPLATES)) {
      return walk.filter(p -> p.toString().endsWith(".html")).toList();
    }
  }
}
