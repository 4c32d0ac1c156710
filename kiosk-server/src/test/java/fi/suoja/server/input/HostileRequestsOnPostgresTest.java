package fi.suoja.server.input;

import fi.suoja.server.PostgresSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The hostile requests against the real PostgreSQL (which refuses NUL in text where H2 takes it), fewer per field. */
@MicronautTest(transactional = false)
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsOnPostgresTest extends HostileRequestsScenarios implements TestPropertyProvider {

    @Override
    int valuesPerField() {
        return 12;
    }

    @Override
    public Map<String, String> getProperties() {
        return PostgresSchema.fresh("hostile");
    }
}
