package fi.suoja.server.door;

import fi.suoja.hardware.broker.BrokerConfig;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.PahoBrokerConnection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays keypad locks paired with Zigbee2MQTT, over a real broker: takes the commands from
 * {@code <base>/<lock>/set}, keeps the codes per slot, and answers on {@code <base>/<lock>} as
 * Zigbee2MQTT does after reading the slot back (or the bolt state after an unlock).
 */
final class FakeZigbeeLocks implements AutoCloseable {

    private final PahoBrokerConnection broker;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Map<String, Map<Integer, String>> codes = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    // Answers go out from a thread of their own: a publish that waits on Paho's delivery thread blocks the next delivery.
    private final ExecutorService answers = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-z2m"));

    FakeZigbeeLocks(String brokerUrl, String base) throws BrokerException {
        this.broker = new PahoBrokerConnection(BrokerConfig.anonymous(brokerUrl, "fake-z2m-" + base));
        this.base = base;
        broker.subscribe(base + "/+/set", 1, (topic, payload, retained) -> answers.execute(() -> answer(topic, payload)));
    }

    /** The code in a slot of a lock, or null. */
    String code(String lock, int slot) {
        return codes.getOrDefault(lock, Map.of()).get(slot);
    }

    Map<Integer, String> codes(String lock) {
        return Map.copyOf(codes.getOrDefault(lock, Map.of()));
    }

    /**
     * Someone types a code on a lock's keypad: a code the lock holds opens it, and the lock tells of
     * the slot as Zigbee2MQTT publishes a ZCL operation event. Answers whether the door opened.
     */
    boolean typeOnKeypad(String lock, String typed) {
        return codes(lock).entrySet().stream().filter(slot -> slot.getValue().equals(typed)).findFirst()
                .map(slot -> {
                    keypadEvent(lock, slot.getKey());
                    return true;
                }).orElse(false);
    }

    /** A keypad event for a slot, whatever the lock holds: what a prankster on an open broker could send. */
    void keypadEvent(String lock, int slot) {
        report(lock, "{\"action\":\"unlock\",\"action_source\":0,\"action_source_name\":\"keypad\",\"action_user\":" + slot
                + ",\"state\":\"UNLOCK\",\"lock_state\":\"unlocked\"}");
    }

    /** The commands as they arrived, JSON text. */
    List<String> received() {
        return List.copyOf(received);
    }

    private void answer(String topic, byte[] payload) {
        String lock = topic.substring(base.length() + 1, topic.length() - "/set".length());
        received.add(new String(payload, StandardCharsets.UTF_8));
        try {
            JsonNode command = JSON.readTree(payload);
            if (command.has("pin_code")) {
                JsonNode pin = command.get("pin_code");
                int slot = pin.get("user").asInt();
                boolean clear = !pin.hasNonNull("pin_code");
                Map<Integer, String> slots = codes.computeIfAbsent(lock, l -> new ConcurrentHashMap<>());
                if (clear) {
                    slots.remove(slot);
                } else {
                    slots.put(slot, pin.get("pin_code").asText());
                }
                report(lock, "{\"users\":{\"" + slot + "\":{\"status\":\"" + (clear ? "available" : "enabled") + "\"}}}");
            } else if ("UNLOCK".equals(command.path("state").asText())) {
                report(lock, "{\"state\":\"UNLOCK\",\"lock_state\":\"unlocked\",\"battery\":87}");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(String lock, String state) {
        try {
            broker.publish(base + "/" + lock, state.getBytes(StandardCharsets.UTF_8), 0, false);
        } catch (BrokerException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        answers.shutdownNow();
        broker.close();
    }
}
