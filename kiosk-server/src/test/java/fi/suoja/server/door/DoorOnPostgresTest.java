package fi.suoja.server.door;

import fi.suoja.server.PostgresSchema;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The same door scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
@Tag("postgres")
class DoorOnPostgresTest extends DoorScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return PostgresSchema.fresh("door");
    }
}
