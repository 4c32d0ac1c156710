package fi.suoja.hardware.sign;

/** The JSON messages of the two sign conventions, as records. */
final class SignWire {

    private SignWire() {
    }

    /** {@link SignFormat#PLAIN_JSON}: {@code {"state":"BUSY","color":"red"}}. */
    record Plain(String state, String color) {
    }

    /** {@link SignFormat#ZIGBEE2MQTT_LIGHT}: {@code {"state":"ON","color":{"hex":"#FF0000"},"brightness":254}}. */
    record Zigbee2MqttLight(String state, Hex color, int brightness) {
    }

    record Hex(String hex) {
    }
}
