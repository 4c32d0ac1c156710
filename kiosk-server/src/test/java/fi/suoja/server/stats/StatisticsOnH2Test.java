package fi.suoja.server.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class StatisticsOnH2Test extends StatisticsScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
