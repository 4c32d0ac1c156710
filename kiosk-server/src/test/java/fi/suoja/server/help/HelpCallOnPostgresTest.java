package fi.suoja.server.help;

import fi.suoja.server.PostgresSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The same help call scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
@Tag("postgres")
class HelpCallOnPostgresTest extends HelpCallScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return PostgresSchema.fresh("help");
    }
}
