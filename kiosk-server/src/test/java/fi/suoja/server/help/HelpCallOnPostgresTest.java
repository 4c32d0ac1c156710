package fi.suoja.server.help;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same help call scenarios as on H2, against the real PostgreSQL. */
@MicronautTest(transactional = false)
class HelpCallOnPostgresTest extends HelpCallScenarios implements OnPostgres {
}
