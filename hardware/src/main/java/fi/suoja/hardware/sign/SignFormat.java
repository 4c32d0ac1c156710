package fi.suoja.hardware.sign;

/**
 * The two MQTT conventions a sign can speak. Both publish to {@code <prefix>/<sign id>/set}.
 */
public enum SignFormat {
    /**
     * For a small controller of our own (an ESP32 with a relay or LED ring):
     * {@code {"state":"BUSY","color":"red"}}, retained, so a sign that restarts shows the right
     * state at once. Prefix e.g. {@code suoja/signs}.
     */
    PLAIN_JSON(true),
    /**
     * For a colour light paired with Zigbee2MQTT (bulb or LED strip), with Zigbee2MQTT's light
     * {@code set} command: {@code {"state":"ON","color":{"hex":"#FF0000"},"brightness":254}}.
     * Not retained: Zigbee2MQTT's {@code set} topic takes commands, not state. Prefix
     * {@code zigbee2mqtt}, the sign id being the light's friendly name.
     */
    ZIGBEE2MQTT_LIGHT(false);

    private final boolean retained;

    SignFormat(boolean retained) {
        this.retained = retained;
    }

    public boolean retained() {
        return retained;
    }
}
