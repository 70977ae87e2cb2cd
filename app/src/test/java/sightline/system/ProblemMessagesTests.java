package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * Every exception that becomes a problem document has its type and title in a module's messages file. Spring looks
 * them up by the exception's class name, so moving an exception to another package without moving its keys would
 * quietly turn its type into {@code about:blank}.
 */
class ProblemMessagesTests {

  @Test
  void everyProblemExceptionHasItsTypeAndTitle() throws IOException {
    var keys = new Properties();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
      for (Path file : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      }
    }
    var problems = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("sightline").stream().filter(type -> type.isAssignableTo(ErrorResponseException.class))
        .map(JavaClass::getName).toList();
    var missing = new TreeSet<String>();
    for (String name : problems) {
      Stream.of("problemDetail.type." + name, "problemDetail.title." + name)
          .filter(key -> !keys.containsKey(key)).forEach(missing::add);
    }
    assertThat(problems).hasSizeGreaterThan(20);
    assertThat(missing).isEmpty();
  }
}
