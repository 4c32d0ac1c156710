package fi.suoja.server.booking;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same retention scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
class RetentionOnPostgresTest extends RetentionScenarios implements OnPostgres {
}
