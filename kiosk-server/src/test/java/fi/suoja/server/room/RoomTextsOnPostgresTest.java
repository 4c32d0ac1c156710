package fi.suoja.server.room;

import fi.suoja.server.PostgresSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The same room-text scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomTextsOnPostgresTest extends RoomTextScenarios implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresSchema.fresh("roomtexts");
    }
}
