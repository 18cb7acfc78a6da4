package org.aasr.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The web app's layers. Its domain packages (staff accounts, the audit log, the mail outbox) are
 * used by the console's view beans, filters and servlets and never use them, nor the Servlet or
 * Faces APIs; and no package of the web app imports a package that imports it back.
 *
 * <pre>
 *   admin (console views) ──┐
 *   site (public views, filters, servlets) ──┼──▶ accounts, audit, mail ──▶ config, module apis
 *   security (sign-in, access, headers) ─────┘
 * </pre>
 */
class WebLayersTest {

  private static final String[] DOMAIN = {
    "org.aasr.web.accounts..", "org.aasr.web.audit..", "org.aasr.web.mail.."
  };

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.aasr");

  static ArchRule noPackageCycles(String slicePattern) {
    return slices().matching(slicePattern).should().beFreeOfCycles().allowEmptyShould(false);
  }

  @Test
  void webAppPackagesHaveNoCycles() {
    noPackageCycles("org.aasr.web.(*)..").check(PRODUCTION);
  }

  @Test
  void domainPackagesDoNotUseThePageLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.aasr.web.admin..",
            "org.aasr.web.site..",
            "org.aasr.web.security..",
            "jakarta.faces..",
            "jakarta.servlet..",
            "org.primefaces..",
            "org.omnifaces..")
        .as("accounts, audit and mail never use view beans, filters, servlets or their APIs")
        .allowEmptyShould(true)
        .check(PRODUCTION);
  }

  @Test
  void configurationUsesNoOtherPartOfTheWebApp() {
    noClasses()
        .that()
        .resideInAPackage("org.aasr.web.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.aasr.web.admin..",
            "org.aasr.web.site..",
            "org.aasr.web.security..",
            "org.aasr.web.accounts..",
            "org.aasr.web.audit..",
            "org.aasr.web.mail..")
        .check(PRODUCTION);
  }

  @Test
  void featureModulesDoNotUseTheWebApp() {
    noClasses()
        .that()
        .resideInAnyPackage("org.aasr.content..", "org.aasr.donations..", "org.aasr.volunteers..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.aasr.web..")
        .check(PRODUCTION);
  }

  @Test
  void theCycleRuleCatchesACycle() {
    JavaClasses withCycle = new ClassFileImporter().importPackages("org.aasr.archfixture.cycle");

    assertTrue(
        noPackageCycles("org.aasr.archfixture.cycle.(*)..").evaluate(withCycle).hasViolation());
  }
}
