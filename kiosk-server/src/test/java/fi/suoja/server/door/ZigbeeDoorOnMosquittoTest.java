package fi.suoja.server.door;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/** The locks on the machine's real Mosquitto (127.0.0.1:1883, anonymous), named by suoja.hardware.broker.url. */
@MicronautTest(transactional = false)
@Tag("mosquitto")
class ZigbeeDoorOnMosquittoTest extends ZigbeeDoorScenarios {

    static final String MOSQUITTO = System.getenv().getOrDefault("SUOJA_TEST_MOSQUITTO_URL", "tcp://127.0.0.1:1883");

    @Override
    String lockBroker() {
        return MOSQUITTO;
    }

    @Override
    Map<String, String> brokerProperties() {
        return Map.of("suoja.hardware.broker.url", MOSQUITTO);
    }
}
