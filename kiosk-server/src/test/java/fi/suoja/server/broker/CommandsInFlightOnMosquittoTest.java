package fi.suoja.server.broker;

import org.junit.jupiter.api.Tag;

/** Over the machine's Mosquitto (127.0.0.1:1883, anonymous), which allows topic aliases as Mosquitto does by default. */
@Tag("mosquitto")
class CommandsInFlightOnMosquittoTest extends CommandsInFlightScenarios {

    @Override
    String brokerUrl() {
        return System.getenv().getOrDefault("SUOJA_TEST_MOSQUITTO_URL", "tcp://127.0.0.1:1883");
    }
}
