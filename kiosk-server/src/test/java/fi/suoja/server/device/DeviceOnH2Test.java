package fi.suoja.server.device;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class DeviceOnH2Test extends DeviceScenarios {
}
