package fi.suoja.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.micronaut.data.annotation.Repository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of DESIGN.md and STYLE.md for the server, checked on every build. */
class ArchitectureTest {

    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.suoja");

    @Test
    void feature_packages_have_no_cycles() {
        SlicesRuleDefinition.slices().matching("fi.suoja.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void the_shared_packages_know_no_feature() {
        noClasses().that().resideInAnyPackage("fi.suoja.server.problem..", "fi.suoja.server.time..", "fi.suoja.server.db..",
                        "fi.suoja.server.live..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fi.suoja.server.access..", "fi.suoja.server.site..", "fi.suoja.server.room..",
                        "fi.suoja.server.booking..", "fi.suoja.server.setup..", "fi.suoja.server.secret..",
                        "fi.suoja.server.device..", "fi.suoja.server.broker..", "fi.suoja.server.door..",
                        "fi.suoja.server.help..")
                .check(server);
    }

    @Test
    void the_broker_link_knows_no_feature_and_bookings_know_no_devices() {
        noClasses().that().resideInAPackage("fi.suoja.server.broker..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fi.suoja.server.access..", "fi.suoja.server.site..", "fi.suoja.server.room..",
                        "fi.suoja.server.booking..", "fi.suoja.server.setup..", "fi.suoja.server.device..",
                        "fi.suoja.server.door..")
                .check(server);
        noClasses().that().resideInAPackage("fi.suoja.server.booking..")
                .should().dependOnClassesThat().resideInAnyPackage("fi.suoja.server.device..", "fi.suoja.server.broker..")
                .check(server);
    }

    @Test
    void bookings_and_rooms_know_no_doors_and_doors_know_no_devices() {
        noClasses().that().resideInAnyPackage("fi.suoja.server.booking..", "fi.suoja.server.room..", "fi.suoja.server.site..")
                .should().dependOnClassesThat().resideInAPackage("fi.suoja.server.door..")
                .check(server);
        noClasses().that().resideInAPackage("fi.suoja.server.door..")
                .should().dependOnClassesThat().resideInAPackage("fi.suoja.server.device..")
                .check(server);
        noClasses().that().resideInAPackage("fi.suoja.server.device..")
                .should().dependOnClassesThat().resideInAPackage("fi.suoja.server.door..")
                .check(server);
    }

    @Test
    void hardware_knows_none_of_the_other_modules() {
        noClasses().that().resideInAPackage("fi.suoja.hardware..")
                .should().dependOnClassesThat().resideInAnyPackage("fi.suoja.server..", "fi.suoja.agent..", "fi.suoja.ui..")
                .allowEmptyShould(true)
                .check(server);
    }

    @Test
    void controllers_do_not_touch_repositories() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(server);
    }

    @Test
    void repositories_are_not_used_outside_their_own_feature() {
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage("fi.suoja.server..")
                .should().notBePublic()
                .check(server);
    }

    @Test
    void domain_code_reads_time_from_the_injected_clock() {
        noClasses().that().resideInAPackage("fi.suoja.server..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .check(server);
    }
}
