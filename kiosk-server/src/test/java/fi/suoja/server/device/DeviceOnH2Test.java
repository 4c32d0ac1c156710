package fi.suoja.server.device;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class DeviceOnH2Test extends DeviceScenarios {

    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
