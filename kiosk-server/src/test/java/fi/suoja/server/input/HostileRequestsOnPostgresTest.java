package fi.suoja.server.input;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The hostile requests against the real PostgreSQL (which refuses NUL in text where H2 takes it), fewer per field. */
@MicronautTest(transactional = false)
class HostileRequestsOnPostgresTest extends HostileRequestsScenarios implements OnPostgres {

    @Override
    int valuesPerField() {
        return 12;
    }
}
