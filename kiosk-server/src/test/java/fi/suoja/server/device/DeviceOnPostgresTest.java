package fi.suoja.server.device;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same device scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
class DeviceOnPostgresTest extends DeviceScenarios implements OnPostgres {
}
