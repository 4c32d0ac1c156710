package fi.suoja.server.device;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.OptionalInt;

/** The heartbeat scenarios against the real PostgreSQL (the row's writes are not counted here). */
@MicronautTest(transactional = false)
class HeartbeatOnPostgresTest extends HeartbeatScenarios implements OnPostgres {

    @Override
    OptionalInt updatesOf(String deviceId) {
        return OptionalInt.empty();
    }
}
