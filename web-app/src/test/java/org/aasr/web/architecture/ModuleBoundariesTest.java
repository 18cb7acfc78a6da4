package org.aasr.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modular monolith's rule: a module is used through its {@code api} package only. Nothing
 * outside a module may depend on its {@code internal} packages, and the feature modules do not
 * depend on each other at all (they will talk through CDI events from their api packages).
 */
class ModuleBoundariesTest {

  private static final List<String> MODULES = List.of("content", "donations", "volunteers");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.aasr");

  static ArchRule onlyApisCrossModuleBorders() {
    return CompositeArchRule.of(
            MODULES.stream()
                .map(
                    module ->
                        (ArchRule)
                            noClasses()
                                .that()
                                .resideOutsideOfPackage("org.aasr." + module + "..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAPackage("org.aasr." + module + ".internal..")
                                .as("only " + module + "'s api is used outside it"))
                .toList())
        .as("modules are reached through their api packages only");
  }

  static ArchRule featureModulesAreIndependent() {
    return CompositeArchRule.of(
            MODULES.stream()
                .map(
                    module ->
                        (ArchRule)
                            noClasses()
                                .that()
                                .resideInAPackage("org.aasr." + module + "..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(
                                    MODULES.stream()
                                        .filter(other -> !other.equals(module))
                                        .map(other -> "org.aasr." + other + "..")
                                        .toArray(String[]::new)))
                .toList())
        .as("feature modules do not depend on each other");
  }

  @Test
  void modulesAreReachedThroughTheirApiOnly() {
    onlyApisCrossModuleBorders().check(PRODUCTION);
  }

  @Test
  void featureModulesDoNotDependOnEachOther() {
    featureModulesAreIndependent().check(PRODUCTION);
  }

  @Test
  void theRuleCatchesAClassThatReachesIntoAnotherModulesInternals() {
    JavaClasses withBreach =
        new ClassFileImporter().importPackages("org.aasr.archfixture", "org.aasr.content");

    EvaluationResult result = onlyApisCrossModuleBorders().evaluate(withBreach);

    assertTrue(result.hasViolation());
    assertTrue(
        result.getFailureReport().getDetails().stream()
            .anyMatch(line -> line.contains("ReachesIntoContentInternals")));
  }

  @Test
  void theWebAppIsInspected() {
    assertTrue(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith("org.aasr.web")));
  }
}
