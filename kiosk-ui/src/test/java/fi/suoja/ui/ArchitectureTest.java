package fi.suoja.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The kiosk UI's layering: it reaches the server only through its HTTP client and holds no booking rules. */
class ArchitectureTest {

    private static final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.suoja.ui");

    @Test
    void the_ui_knows_no_server_code_only_its_http_api() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("fi.suoja.server..", "io.micronaut..")
                .check(ui);
    }

    @Test
    void the_http_client_knows_no_vaadin() {
        noClasses().that().resideInAPackage("fi.suoja.ui.server..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "fi.suoja.ui.kiosk..", "fi.suoja.ui.staff..")
                .check(ui);
    }

    @Test
    void ui_packages_have_no_cycles() {
        SlicesRuleDefinition.slices().matching("fi.suoja.ui.(*)..").should().beFreeOfCycles().check(ui);
    }
}
