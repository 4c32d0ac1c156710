package fi.suoja.server.door;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class DoorOnH2Test extends DoorScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
