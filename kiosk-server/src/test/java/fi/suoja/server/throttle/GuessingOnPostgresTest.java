package fi.suoja.server.throttle;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same guessing scenarios against the real PostgreSQL, where racing wrong codes once got through (24 of 100). */
@MicronautTest(transactional = false)
class GuessingOnPostgresTest extends GuessingScenarios implements OnPostgres {
}
