package fi.suoja.server;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.util.Locale;
import java.util.Map;

/**
 * A test class whose server runs on a fresh schema of the real PostgreSQL instead of H2. Tagged
 * {@code postgres}, so only the integration profile runs it. A scenario class that adds properties of
 * its own implements {@link ServerDatabase} and starts from {@link #databaseProperties()}.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface OnPostgres extends ServerDatabase, TestPropertyProvider {

    /** A new schema named after the test class: BookingOnPostgresTest gets t_booking_…. */
    @Override
    default Map<String, String> databaseProperties() {
        String purpose = getClass().getSimpleName().replace("OnPostgresTest", "").toLowerCase(Locale.ROOT);
        return PostgresSchema.fresh(purpose);
    }

    @Override
    default Map<String, String> getProperties() {
        return databaseProperties();
    }
}
