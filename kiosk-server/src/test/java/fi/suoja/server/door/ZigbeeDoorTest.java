package fi.suoja.server.door;

import fi.suoja.server.TestBroker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** Over the embedded broker: the fleet's, which the lock adapter uses when no other is configured. */
@MicronautTest(transactional = false)
class ZigbeeDoorTest extends ZigbeeDoorScenarios {

    @Override
    String lockBroker() {
        return TestBroker.url();
    }

    @Override
    Map<String, String> brokerProperties() {
        return Map.of();
    }
}
