package fi.suoja.server.booking;

import fi.suoja.server.PostgresSchema;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The same two instances on one schema of the real PostgreSQL, as a city runs them. */
@Tag("postgres")
class BookingTwoInstancesOnPostgresTest extends BookingTwoInstancesTest {

    private Map<String, String> schema;

    @Override
    Map<String, String> database() {
        if (schema == null) {
            schema = PostgresSchema.fresh("booking_two");
        }
        return schema;
    }
}
