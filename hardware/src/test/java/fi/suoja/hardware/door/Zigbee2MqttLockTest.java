package fi.suoja.hardware.door;

import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.InMemoryBroker;

import java.time.Duration;

/** The lock scenarios on a broker in memory: fast, in every build. */
class Zigbee2MqttLockTest extends Zigbee2MqttLockScenarios {

    private final InMemoryBroker broker = new InMemoryBroker();

    @Override
    BrokerConnection connect(String clientId) {
        return broker.connect();
    }

    @Override
    Duration answerTimeout() {
        return Duration.ofMillis(100);
    }
}
