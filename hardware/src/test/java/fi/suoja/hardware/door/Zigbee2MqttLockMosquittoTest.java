package fi.suoja.hardware.door;

import fi.suoja.hardware.broker.BrokerConfig;
import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.PahoBrokerConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.fail;

/** The lock scenarios through Paho and the real Mosquitto of this machine (anonymous, 127.0.0.1:1883). */
@Tag("mosquitto")
class Zigbee2MqttLockMosquittoTest extends Zigbee2MqttLockScenarios {

    static final String HOST = "127.0.0.1";
    static final int PORT = 1883;

    @BeforeAll
    static void mosquittoIsThere() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
        } catch (IOException e) {
            fail("Mosquitto is not reachable at " + HOST + ":" + PORT + " (" + e.getMessage()
                    + "). Start it, e.g. 'mosquitto -d', with anonymous access on that port.");
        }
    }

    @Override
    BrokerConnection connect(String clientId) throws BrokerException {
        return new PahoBrokerConnection(BrokerConfig.anonymous("tcp://" + HOST + ":" + PORT, clientId));
    }

    @Override
    Duration answerTimeout() {
        return Duration.ofMillis(400);
    }
}
