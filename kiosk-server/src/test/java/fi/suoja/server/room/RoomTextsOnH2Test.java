package fi.suoja.server.room;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class RoomTextsOnH2Test extends RoomTextScenarios {
}
