package fi.suoja.agent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "fi.suoja.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule paho_stays_behind_the_transport_interface = noClasses()
            .that().resideOutsideOfPackage("fi.suoja.agent.transport..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..");

    @ArchTest
    static final ArchRule the_wipe_engine_knows_nothing_of_mqtt_sessions_or_configuration = noClasses()
            .that().resideInAPackage("fi.suoja.agent.wipe..")
            .should().dependOnClassesThat().resideInAnyPackage("fi.suoja.agent.transport..",
                    "fi.suoja.agent.session..", "fi.suoja.agent.config..", "fi.suoja.agent.state..");

    @ArchTest
    static final ArchRule the_agent_packages_have_no_cycles = slices()
            .matching("fi.suoja.agent.(*)..").should().beFreeOfCycles();
}
