package fi.suoja.hardware.sign;

import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.InMemoryBroker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MqttRoomSignTest {

    private static final SignId SIGN = new SignId("room-2-sign");

    private final InMemoryBroker broker = new InMemoryBroker();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void a_plain_sign_gets_state_and_colour_retained_so_it_shows_them_after_a_restart() throws BrokerException {
        RoomSign sign = new MqttRoomSign(broker.connect(), MqttSignConfig.plain("suoja/signs"));

        assertThat(sign.show(SIGN, SignState.BUSY)).isEqualTo(new SignResult.Shown());
        assertThat(sign.show(SIGN, SignState.ENDING_SOON)).isEqualTo(new SignResult.Shown());
        listen("suoja/signs/room-2-sign/set");   // a sign that starts only now

        assertThat(seen).containsExactly("suoja/signs/room-2-sign/set {\"state\":\"ENDING_SOON\",\"color\":\"amber\"} retained");
    }

    @Test
    void a_zigbee2mqtt_light_gets_zigbee2mqtts_light_command_with_the_colour_as_hex() throws BrokerException {
        listen("zigbee2mqtt/+/set");
        RoomSign sign = new MqttRoomSign(broker.connect(), MqttSignConfig.zigbee2mqttLight("zigbee2mqtt"));

        sign.show(SIGN, SignState.FREE);
        sign.show(SIGN, SignState.BUSY);

        assertThat(seen).containsExactly(
                "zigbee2mqtt/room-2-sign/set {\"state\":\"ON\",\"color\":{\"hex\":\"#00C000\"},\"brightness\":254} live",
                "zigbee2mqtt/room-2-sign/set {\"state\":\"ON\",\"color\":{\"hex\":\"#FF0000\"},\"brightness\":254} live");
    }

    @Test
    void an_unreachable_broker_is_an_answer_not_an_exception() {
        BrokerConnection down = new BrokerConnection() {
            @Override
            public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
                throw new BrokerException("not connected", null);
            }

            @Override
            public fi.suoja.hardware.Registration subscribe(String topicFilter, int qos, Handler handler) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };

        assertThat(new MqttRoomSign(down, MqttSignConfig.plain("suoja/signs")).show(SIGN, SignState.FREE))
                .isEqualTo(new SignResult.NotShown("not connected"));
    }

    @Test
    void the_configuration_needs_a_colour_for_every_state() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MqttSignConfig("suoja/signs", SignFormat.PLAIN_JSON, Map.of(SignState.FREE, SignColor.GREEN)))
                .withMessageContaining("every sign state needs a colour");
        assertThatIllegalArgumentException().isThrownBy(() -> MqttSignConfig.plain("suoja/#"))
                .withMessageContaining("wildcards");
    }

    private void listen(String filter) throws BrokerException {
        broker.connect().subscribe(filter, 1, (topic, payload, retained) ->
                seen.add(topic + " " + new String(payload, StandardCharsets.UTF_8) + (retained ? " retained" : " live")));
    }
}
