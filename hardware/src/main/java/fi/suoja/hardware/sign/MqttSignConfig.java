package fi.suoja.hardware.sign;

import java.util.EnumMap;
import java.util.Map;

/**
 * How signs are reached over MQTT.
 *
 * @param topicPrefix the topic before the sign id, without wildcards or trailing slash
 * @param format      the convention the signs speak
 * @param colors      the colour of each state; every state needs one
 */
public record MqttSignConfig(String topicPrefix, SignFormat format, Map<SignState, SignColor> colors) {

    public MqttSignConfig {
        if (topicPrefix == null || topicPrefix.isBlank() || topicPrefix.contains("+") || topicPrefix.contains("#")
                || topicPrefix.endsWith("/")) {
            throw new IllegalArgumentException("a sign topic prefix has no wildcards and no trailing slash: " + topicPrefix);
        }
        if (format == null) {
            throw new IllegalArgumentException("say which format the signs speak: " + java.util.Arrays.toString(SignFormat.values()));
        }
        if (colors == null || !colors.keySet().containsAll(java.util.EnumSet.allOf(SignState.class))) {
            throw new IllegalArgumentException("every sign state needs a colour; given " + colors);
        }
        colors = Map.copyOf(colors);
    }

    /** Green free, red busy, amber when the booking ends soon. */
    public static Map<SignState, SignColor> defaultColors() {
        Map<SignState, SignColor> colors = new EnumMap<>(SignState.class);
        colors.put(SignState.FREE, SignColor.GREEN);
        colors.put(SignState.BUSY, SignColor.RED);
        colors.put(SignState.ENDING_SOON, SignColor.AMBER);
        return colors;
    }

    public static MqttSignConfig plain(String topicPrefix) {
        return new MqttSignConfig(topicPrefix, SignFormat.PLAIN_JSON, defaultColors());
    }

    public static MqttSignConfig zigbee2mqttLight(String baseTopic) {
        return new MqttSignConfig(baseTopic, SignFormat.ZIGBEE2MQTT_LIGHT, defaultColors());
    }

    String setTopic(SignId sign) {
        return topicPrefix + "/" + sign.value() + "/set";
    }
}
