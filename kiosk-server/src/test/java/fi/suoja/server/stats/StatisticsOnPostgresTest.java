package fi.suoja.server.stats;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same statistics day as on H2, against the real PostgreSQL (its timestamps, joins and grouping). */
@MicronautTest(transactional = false)
class StatisticsOnPostgresTest extends StatisticsScenarios implements OnPostgres {
}
