package fi.suoja.server.db;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same scenarios on the real PostgreSQL, where the rows put off go as one statement of several inserts. */
@MicronautTest(transactional = false)
class PutOffInsertsOnPostgresTest extends PutOffInsertsScenarios implements OnPostgres {
}
