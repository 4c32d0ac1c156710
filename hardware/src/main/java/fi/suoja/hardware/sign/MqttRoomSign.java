package fi.suoja.hardware.sign;

import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.mqtt.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room signs over MQTT, in one of the {@link SignFormat}s. Published with QoS 1: "shown" means
 * the broker took the message; a sign that is off gets it when it comes back (retained plain
 * format) or with the next change.
 */
public final class MqttRoomSign implements RoomSign {

    private static final Logger log = LoggerFactory.getLogger(MqttRoomSign.class);
    private static final int FULL_BRIGHTNESS = 254;

    private final BrokerConnection broker;
    private final MqttSignConfig config;

    public MqttRoomSign(BrokerConnection broker, MqttSignConfig config) {
        this.broker = broker;
        this.config = config;
    }

    @Override
    public SignResult show(SignId sign, SignState state) {
        try {
            broker.publish(config.setTopic(sign), payload(state), 1, config.format().retained());
            return new SignResult.Shown();
        } catch (BrokerException e) {
            log.warn("sign {}: cannot show {}: {}", sign, state, e.getMessage());
            return new SignResult.NotShown(e.getMessage());
        }
    }

    byte[] payload(SignState state) {
        SignColor color = config.colors().get(state);
        return switch (config.format()) {
            case PLAIN_JSON -> Wire.encode(new SignWire.Plain(state.name(), color.wireName()));
            case ZIGBEE2MQTT_LIGHT -> Wire.encode(new SignWire.Zigbee2MqttLight("ON", new SignWire.Hex(color.hex()), FULL_BRIGHTNESS));
        };
    }
}
