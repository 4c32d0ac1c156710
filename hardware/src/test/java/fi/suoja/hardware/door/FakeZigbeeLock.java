package fi.suoja.hardware.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a keypad lock paired with Zigbee2MQTT, on any broker: takes the commands from the
 * {@code set} topic and answers on the device topic as Zigbee2MQTT does, or stays silent for the
 * first commands, or logs a failure as Zigbee2MQTT does when the lock says no.
 */
final class FakeZigbeeLock {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerConnection broker;
    private final String base;
    private final String name;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger silentFor = new AtomicInteger();
    private volatile boolean refusing;

    FakeZigbeeLock(BrokerConnection broker, String base, String name) throws BrokerException {
        this.broker = broker;
        this.base = base;
        this.name = name;
        broker.subscribe(base + "/" + name + "/set", 1, (topic, payload, retained) -> answer(payload));
    }

    /** Stays silent for the next commands, then answers again. */
    void staySilentFor(int commands) {
        silentFor.set(commands);
    }

    void refuse() {
        refusing = true;
    }

    /** The commands as they arrived, JSON text. */
    List<String> received() {
        return received;
    }

    void report(String json, boolean retain) throws BrokerException {
        broker.publish(base + "/" + name, json.getBytes(StandardCharsets.UTF_8), 0, retain);
    }

    private void answer(byte[] payload) {
        String json = new String(payload, StandardCharsets.UTF_8);
        received.add(json);
        if (silentFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        try {
            if (refusing) {
                broker.publish(base + "/bridge/logging", ("{\"level\":\"error\",\"message\":\"Publish 'set' 'pin_code' to '"
                        + name + "' failed: 'Error: Status FAILURE'\"}").getBytes(StandardCharsets.UTF_8), 0, false);
                return;
            }
            JsonNode command = JSON.readTree(json);
            if (command.has("pin_code")) {
                JsonNode pin = command.get("pin_code");
                String status = pin.get("pin_code").isNull() ? "available" : "enabled";
                report("{\"users\":{\"" + pin.get("user").asInt() + "\":{\"status\":\"" + status + "\"}}}", false);
            } else if (command.has("state")) {
                String state = command.get("state").asText();
                report("{\"state\":\"" + state + "\",\"lock_state\":\"" + ("UNLOCK".equals(state) ? "unlocked" : "locked")
                        + "\",\"battery\":87}", false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BrokerException e) {
            throw new IllegalStateException(e);
        }
    }
}
