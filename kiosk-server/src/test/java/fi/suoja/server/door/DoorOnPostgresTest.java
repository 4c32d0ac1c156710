package fi.suoja.server.door;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same door scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
class DoorOnPostgresTest extends DoorScenarios implements OnPostgres {
}
