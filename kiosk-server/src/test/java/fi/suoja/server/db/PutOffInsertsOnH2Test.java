package fi.suoja.server.db;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class PutOffInsertsOnH2Test extends PutOffInsertsScenarios {
}
