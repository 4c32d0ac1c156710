package fi.suoja.server;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.micronaut.data.annotation.Repository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The layering of DESIGN.md and STYLE.md for the server, checked on every build. */
class ArchitectureTest {

    /** Imported once for all the rules: the import is most of this test's time. */
    private static final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.suoja");

    /** What every feature may use and which uses none of them. */
    static final Set<String> SHARED = Set.of("problem", "time", "db", "live", "input", "web", "secret", "throttle", "work");

    /** Every other package of the server is a feature, found in the classes, so a new one is checked too. */
    static final Set<String> FEATURES = server.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith("fi.suoja.server."))
            .map(name -> name.substring("fi.suoja.server.".length()).split("\\.")[0])
            .filter(name -> !SHARED.contains(name))
            .collect(Collectors.toCollection(TreeSet::new));

    private static String[] packages(Set<String> names) {
        return names.stream().map(name -> "fi.suoja.server." + name + "..").toArray(String[]::new);
    }

    @Test
    void feature_packages_have_no_cycles() {
        SlicesRuleDefinition.slices().matching("fi.suoja.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void the_shared_packages_know_no_feature() {
        assertThat(FEATURES).as("features found in the classes").contains("booking", "device", "door", "help", "stats", "metrics");
        noClasses().that().resideInAnyPackage(packages(SHARED))
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .check(server);
    }

    @Test
    void the_broker_link_knows_no_feature_and_bookings_know_no_devices() {
        Set<String> others = new TreeSet<>(FEATURES);
        others.remove("broker");
        noClasses().that().resideInAPackage("fi.suoja.server.broker..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(others))
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
