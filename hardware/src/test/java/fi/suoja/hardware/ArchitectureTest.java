package fi.suoja.hardware;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "fi.suoja.hardware", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule hardware_knows_no_other_module_and_no_framework = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("fi.suoja.hardware..", "java..", "javax.imageio..", "javax.crypto..", "javax.net..",
                    "com.fasterxml.jackson..", "org.eclipse.paho..", "org.slf4j..", "io.nayuki.qrcodegen..");

    @ArchTest
    static final ArchRule paho_stays_behind_the_broker_connection = noClasses()
            .that().resideOutsideOfPackages("fi.suoja.hardware.broker..", "fi.suoja.hardware.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..");

    @ArchTest
    static final ArchRule a_door_lock_knows_nothing_of_signs_printers_or_card_readers = kindKnowsNoOther("door");

    @ArchTest
    static final ArchRule a_sign_knows_nothing_of_locks_printers_or_card_readers = kindKnowsNoOther("sign");

    @ArchTest
    static final ArchRule a_printer_knows_nothing_of_locks_signs_or_card_readers = kindKnowsNoOther("printer");

    @ArchTest
    static final ArchRule a_card_reader_knows_nothing_of_locks_signs_or_printers = kindKnowsNoOther("card");

    @ArchTest
    static final ArchRule the_hardware_packages_have_no_cycles = slices()
            .matching("fi.suoja.hardware.(*)..").should().beFreeOfCycles();

    private static ArchRule kindKnowsNoOther(String kind) {
        String[] others = java.util.stream.Stream.of("door", "sign", "printer", "card")
                .filter(other -> !other.equals(kind)).map(other -> "fi.suoja.hardware." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("fi.suoja.hardware." + kind + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
