package org.aasr.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The mail outbox is a domain layer: the console's pages use it, never the reverse, and it works
 * without a request, so that its worker and the modules' events can reach it from anywhere.
 */
class MailLayerTest {

  @Test
  void theOutboxKnowsNothingOfPagesRequestsOrAccounts() {
    noClasses()
        .that()
        .resideInAPackage("org.aasr.web.mail..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.aasr.web.admin..",
            "org.aasr.web.site..",
            "org.aasr.web.security..",
            "org.aasr.web.accounts..",
            "jakarta.faces..",
            "jakarta.servlet..",
            "org.primefaces..",
            "org.omnifaces..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.aasr.web.mail"));
  }
}
