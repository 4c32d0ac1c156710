package fi.suoja.server.help;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class HelpCallOnH2Test extends HelpCallScenarios {
}
