package fi.suoja.server.room;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same room-text scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
class RoomTextsOnPostgresTest extends RoomTextScenarios implements OnPostgres {
}
