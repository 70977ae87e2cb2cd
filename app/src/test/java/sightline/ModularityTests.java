package sightline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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

  /**
   * Inside a module no package imports one that imports it back: the base package (the module's API) imports none
   * of its sub-packages, and the sub-packages form layers. Modulith checks the boundaries between modules; this
   * checks the packages within each one, a new module included without being listed.
   */
  @Test
  void packagesInsideAModuleImportEachOtherOneWayOnly() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("sightline");
    for (ApplicationModule module : modules) {
      String base = module.getBasePackage().getName();
      SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
          String name = type.getPackageName();
          return name.equals(base) || name.startsWith(base + ".") ? SliceIdentifier.of(name)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "packages of " + base;
        }
      }).should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
        .writeDocumentation();
  }
}
