package fi.suoja.hardware.broker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicMatchingTest {

    @Test
    void wildcards_match_as_mqtt_says() {
        assertThat(BrokerConnection.matches("zigbee2mqtt/#", "zigbee2mqtt/room-2/door")).isTrue();
        assertThat(BrokerConnection.matches("zigbee2mqtt/#", "zigbee2mqtt")).isTrue();
        assertThat(BrokerConnection.matches("zigbee2mqtt/+", "zigbee2mqtt/door")).isTrue();
        assertThat(BrokerConnection.matches("zigbee2mqtt/+", "zigbee2mqtt/door/set")).isFalse();
        assertThat(BrokerConnection.matches("suoja/+/set", "suoja/sign-1/set")).isTrue();
        assertThat(BrokerConnection.matches("a/b", "a/b/c")).isFalse();
        assertThat(BrokerConnection.matches("#", "$SYS/broker/uptime")).isFalse();
    }

    @Test
    void a_broker_configuration_says_what_is_wrong() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> BrokerConfig.anonymous("127.0.0.1:1883", "kiosk"))
                .withMessageContaining("tcp://");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new BrokerConfig("tcp://broker:1883", "kiosk", "user", null, java.time.Duration.ofSeconds(1)))
                .withMessageContaining("both");
    }
}
