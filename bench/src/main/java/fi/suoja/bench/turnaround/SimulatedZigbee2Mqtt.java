package fi.suoja.bench.turnaround;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.suoja.bench.scene.Pause;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Zigbee2MQTT with keypad locks paired to it, as the server meets it on the broker: it takes
 * commands on {@code <base>/<friendly name>/set} and answers on {@code <base>/<friendly name>} the
 * way Zigbee2MQTT does for a ZCL door lock (the {@code pin_code} converter sends the lock's Set PIN
 * Code and then reads the slot back with Get PIN Code; the lock's answer goes through the
 * {@code lock_pin_code_response} converter into the device's cached state, and Zigbee2MQTT publishes
 * the whole state):
 * <pre>
 * {"battery":87,"linkquality":116,"lock_state":"locked","state":"LOCK",
 *  "users":{"3":{"status":"enabled","pin_code":"482913"}},"last_seen":"2026-12-06T08:01:02.345+00:00"}
 * </pre>
 * with {@code expose_pin} on (so the adapter checks that the slot holds the very code) and
 * {@code advanced.last_seen: ISO_8601}. Emptying a slot answers {@code "status":"available"}; an
 * UNLOCK answers {@code "state":"UNLOCK","lock_state":"unlocked"}. Like Zigbee2MQTT by default it
 * subscribes and publishes at QoS 0 without retain, and the state it publishes holds every slot
 * it has heard of (its state cache).
 *
 * <p>It answers at once: a real lock's radio (a battery lock wakes every few hundred milliseconds
 * to a few seconds to poll its parent) adds its own time, which is the lock's and not Suoja's.
 */
final class SimulatedZigbee2Mqtt implements AutoCloseable {

    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    /** A {@code set} with a pin code that was answered: when it came and when the answer was with the broker. */
    record CodeSet(String lock, int slot, String code, long receivedNanos, long answeredNanos) {
    }

    private final String base;
    private final Mqtt client;
    private final Map<String, ObjectNode> states = new ConcurrentHashMap<>();
    private final Map<String, CodeSet> byCode = new ConcurrentHashMap<>();

    SimulatedZigbee2Mqtt(String brokerUrl, String base) {
        this.base = base;
        Mqtt[] self = new Mqtt[1];
        self[0] = new Mqtt(brokerUrl, "zigbee2mqtt-sim-" + System.nanoTime(), (topic, payload) -> {
            long received = System.nanoTime();
            self[0].later(() -> answer(topic, payload, received));
        });
        client = self[0];
        client.subscribe(base + "/+/set", 0);
    }

    /** Waits for the lock to have been given this code; empty after the limit. */
    Optional<CodeSet> awaitCode(String code, long limitMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (System.nanoTime() < end) {
            CodeSet set = byCode.get(code);
            if (set != null) {
                return Optional.of(set);
            }
            Pause.millis(1);
        }
        return Optional.empty();
    }

    private void answer(String topic, byte[] payload, long received) {
        String lock = topic.substring(base.length() + 1, topic.length() - "/set".length());
        JsonNode command;
        try {
            command = SuojaApi.JSON.readTree(payload);
        } catch (IOException e) {
            return;
        }
        ObjectNode state = states.computeIfAbsent(lock, name -> {
            ObjectNode fresh = SuojaApi.JSON.createObjectNode();
            fresh.put("battery", 87);
            fresh.put("linkquality", 116);
            fresh.put("lock_state", "locked");
            fresh.put("state", "LOCK");
            fresh.putObject("users");
            return fresh;
        });
        String set = null;
        int slot = 0;
        synchronized (state) {
            JsonNode pin = command.get("pin_code");
            if (pin != null && pin.has("user")) {
                slot = pin.get("user").asInt();
                ObjectNode user = ((ObjectNode) state.get("users")).putObject(Integer.toString(slot));
                if (pin.path("pin_code").isTextual()) {
                    set = pin.get("pin_code").asText();
                    user.put("status", "enabled");
                    user.put("pin_code", set);
                } else {
                    user.put("status", "available");
                    user.putNull("pin_code");
                }
            } else if ("UNLOCK".equals(command.path("state").asText())) {
                state.put("state", "UNLOCK");
                state.put("lock_state", "unlocked");
            } else if ("LOCK".equals(command.path("state").asText())) {
                state.put("state", "LOCK");
                state.put("lock_state", "locked");
            } else {
                return;
            }
            state.put("last_seen", OffsetDateTime.now(ZoneOffset.UTC).format(LAST_SEEN));
            client.publish(base + "/" + lock, state.toString().getBytes(StandardCharsets.UTF_8), 0);
        }
        if (set != null) {
            byCode.put(set, new CodeSet(lock, slot, set, received, System.nanoTime()));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
