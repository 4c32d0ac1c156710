package fi.suoja.server.door;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class DoorOnH2Test extends DoorScenarios {
}
