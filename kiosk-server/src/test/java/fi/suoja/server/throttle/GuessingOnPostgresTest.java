package fi.suoja.server.throttle;

import fi.suoja.server.PostgresSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The same guessing scenarios against the real PostgreSQL, where racing wrong codes once got through (24 of 100). */
@MicronautTest(transactional = false)
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuessingOnPostgresTest extends GuessingScenarios implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresSchema.fresh("guessing");
    }
}
