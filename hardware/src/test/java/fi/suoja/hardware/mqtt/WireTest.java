package fi.suoja.hardware.mqtt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireTest {

    @Test
    void malformed_empty_oversized_and_wrong_shaped_messages_are_refused_with_a_reason() {
        assertThatThrownBy(() -> Wire.decode("{\"id\": ".getBytes(StandardCharsets.UTF_8), Command.class))
                .isInstanceOf(Wire.MalformedMessage.class).hasMessageContaining("not a valid Command");
        assertThatThrownBy(() -> Wire.decode(new byte[0], Command.class)).hasMessage("empty message");
        assertThatThrownBy(() -> Wire.decode(new byte[Wire.MAX_MESSAGE_BYTES + 1], Command.class))
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> Wire.decode("[1,2]".getBytes(StandardCharsets.UTF_8), Command.class))
                .isInstanceOf(Wire.MalformedMessage.class);
        assertThatThrownBy(() -> Wire.decode("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8), Command.class))
                .isInstanceOf(Wire.MalformedMessage.class);
        assertThatThrownBy(() -> Wire.decode("null".getBytes(StandardCharsets.UTF_8), Event.class))
                .isInstanceOf(Wire.MalformedMessage.class);
    }

    @Test
    void events_with_wipe_reports_and_statuses_round_trip_and_unknown_fields_are_ignored() throws Exception {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        Event event = new Event("laptop-7", EventType.RESULT, "0123abcd0123abcd", 3, "c-1", AgentState.IDLE, "wiped", false,
                new WipeReport("job-1", true, 10, 2, 4096, List.of(), 120, at), at, "c2lnbmF0dXJl");
        assertThat(Wire.decode(Wire.encode(event), Event.class)).isEqualTo(event);

        DeviceStatus status = new DeviceStatus("laptop-7", true, "0123abcd0123abcd", 3, AgentState.IDLE, 80, 1_000_000L, "0.1.0", "Linux", at,
                "c2lnbmF0dXJl");
        String json = new String(Wire.encode(status), StandardCharsets.UTF_8).replace("{", "{\"futureField\":1,");
        assertThat(Wire.decode(json.getBytes(StandardCharsets.UTF_8), DeviceStatus.class)).isEqualTo(status);
        assertThat(json).contains("\"at\":\"2026-11-24T10:00:00Z\"");
    }

    @Test
    void a_hello_without_the_optional_duplicate_field_or_with_null_is_read_as_not_a_redelivery() throws Exception {
        for (String duplicate : new String[] {"", "\"duplicate\":null,"}) {
            String hello = "{\"deviceId\":\"laptop-7\",\"type\":\"HELLO\",\"session\":4," + duplicate
                    + "\"state\":\"IDLE\",\"at\":\"2026-11-24T10:00:00Z\"}";
            Event event = Wire.decode(hello.getBytes(StandardCharsets.UTF_8), Event.class);
            assertThat(event.type()).isEqualTo(EventType.HELLO);
            assertThat(event.duplicate()).isFalse();
        }
        assertThatThrownBy(() -> Wire.decode(("{\"deviceId\":\"laptop-7\",\"type\":\"HELLO\",\"session\":null,"
                + "\"at\":\"2026-11-24T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8), Event.class))
                .isInstanceOf(Wire.MalformedMessage.class);
    }

    @Test
    void topics_name_their_device_and_refuse_wildcards() {
        Topics topics = Topics.defaults();
        DeviceId device = new DeviceId("laptop-7");
        assertThat(topics.commands(device)).isEqualTo("suoja/v1/devices/laptop-7/commands");
        assertThat(topics.deviceOf(topics.events(device))).contains(device);
        assertThat(topics.deviceOf("suoja/v1/devices/Bad_Id/events")).isEmpty();
        assertThat(topics.deviceOf("other/devices/laptop-7/events")).isEmpty();
        assertThat(topics.sharedEvents("servers")).isEqualTo("$share/servers/suoja/v1/devices/+/events");
        assertThatThrownBy(() -> new Topics("suoja/#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceId("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
