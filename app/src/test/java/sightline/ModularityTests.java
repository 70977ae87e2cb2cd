package sightline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(SightlineApplication.class);

  @Test
  void everyFeaturePackageIsAModuleAndTheVisionLibraryIsNot() {
    assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
        .containsExactlyInAnyOrder("system", "identity", "courses", "biometrics", "faceapi", "attendance", "engagement",
            "diagnosis", "audit");
  }

  @Test
  void modulesKeepTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
        .writeDocumentation();
  }
}
