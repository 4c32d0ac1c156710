package fi.suoja.server.help;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class HelpCallOnH2Test extends HelpCallScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
