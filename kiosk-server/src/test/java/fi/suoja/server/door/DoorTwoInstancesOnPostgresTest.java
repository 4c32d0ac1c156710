package fi.suoja.server.door;

import fi.suoja.server.PostgresSchema;
import org.junit.jupiter.api.Tag;

import java.util.HashMap;
import java.util.Map;

/** The same two door instances, on one schema of the real PostgreSQL: each task still runs once. */
@Tag("postgres")
class DoorTwoInstancesOnPostgresTest extends DoorTwoInstancesTest {

    private final Map<String, Map<String, String>> schemas = new HashMap<>();

    @Override
    Map<String, String> database(String name) {
        return schemas.computeIfAbsent(name, n -> PostgresSchema.fresh("doors_" + n));
    }
}
