package fi.suoja.server.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class StatisticsOnH2Test extends StatisticsScenarios {
}
