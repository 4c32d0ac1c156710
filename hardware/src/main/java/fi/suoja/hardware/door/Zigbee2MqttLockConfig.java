package fi.suoja.hardware.door;

import java.time.Duration;

/**
 * How to reach keypad locks through Zigbee2MQTT.
 *
 * @param baseTopic     Zigbee2MQTT's {@code mqtt.base_topic}, {@code zigbee2mqtt} unless changed
 * @param answerTimeout how long to wait for the lock's confirmation of one attempt; battery
 *                      locks wake up every few seconds, so a few seconds is too short
 * @param attempts      how often a command is sent before the answer is {@link LockResult.NoAnswer}
 */
public record Zigbee2MqttLockConfig(String baseTopic, Duration answerTimeout, int attempts) {

    public static final String DEFAULT_BASE_TOPIC = "zigbee2mqtt";

    public Zigbee2MqttLockConfig {
        if (baseTopic == null || baseTopic.isBlank() || baseTopic.contains("+") || baseTopic.contains("#")
                || baseTopic.endsWith("/")) {
            throw new IllegalArgumentException("the Zigbee2MQTT base topic has no wildcards and no trailing slash: " + baseTopic);
        }
        if (answerTimeout == null || answerTimeout.compareTo(Duration.ofMillis(50)) < 0
                || answerTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the answer timeout is 50 ms to 5 minutes, not " + answerTimeout);
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("a command is sent 1 to 10 times, not " + attempts);
        }
    }

    public static Zigbee2MqttLockConfig defaults() {
        return new Zigbee2MqttLockConfig(DEFAULT_BASE_TOPIC, Duration.ofSeconds(15), 3);
    }

    String setTopic(LockId lock) {
        return baseTopic + "/" + lock.value() + "/set";
    }

    String stateTopic(LockId lock) {
        return baseTopic + "/" + lock.value();
    }

    String loggingTopic() {
        return baseTopic + "/bridge/logging";
    }
}
