package sightline;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inside a module no package imports one that imports it back: the base package (the module's API) imports none of
 * its sub-packages, and the sub-packages form layers. Spring Modulith checks the boundaries between modules; this
 * checks the packages within one, which Modulith leaves alone.
 */
class PackageCycleTests {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("sightline");

  @ParameterizedTest
  @ValueSource(strings = {"identity", "biometrics", "faceapi"})
  void packagesOfAModuleImportEachOtherOneWayOnly(String module) {
    String base = "sightline." + module;
    SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        String name = type.getPackageName();
        return name.equals(base) || name.startsWith(base + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "packages of " + base;
      }
    }).should().beFreeOfCycles().check(CLASSES);
  }
}
