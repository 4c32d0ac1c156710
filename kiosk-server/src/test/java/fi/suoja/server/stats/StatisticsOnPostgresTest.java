package fi.suoja.server.stats;

import fi.suoja.server.PostgresSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The same statistics day as on H2, against the real PostgreSQL (its timestamps, joins and grouping). */
@MicronautTest(transactional = false)
@Tag("postgres")
class StatisticsOnPostgresTest extends StatisticsScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return PostgresSchema.fresh("stats");
    }
}
