package fi.suoja.server.device;

import fi.suoja.server.PostgresSchema;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The same two fleet instances, on one schema of the real PostgreSQL: each wipe try is still sent once. */
@Tag("postgres")
class TwoInstancesOnPostgresTest extends TwoInstancesTest {

    private Map<String, String> schema;

    @Override
    Map<String, String> database() {
        if (schema == null) {
            schema = PostgresSchema.fresh("fleet_two");
        }
        return schema;
    }
}
