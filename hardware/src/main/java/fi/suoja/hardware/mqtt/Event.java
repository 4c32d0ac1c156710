package fi.suoja.hardware.mqtt;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.util.Objects;

/**
 * An event from an agent about itself or about one command.
 *
 * @param session   the agent's connection counter when it sent this (see {@link DeviceStatus})
 * @param commandId the command this is about; null for HELLO
 * @param state     the agent's state after the event
 * @param detail    a plain reason (REJECTED), a step (PROGRESS) or an outcome (RESULT)
 * @param duplicate true on an ACK or RESULT for a command already done before (a redelivery)
 * @param wipe      the report, on the RESULT of a WIPE
 */
public record Event(
        String deviceId,
        EventType type,
        long session,
        String commandId,
        AgentState state,
        String detail,
        // absent and null mean "not a redelivery", as docs/mqtt.md says of every optional field
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean duplicate,
        WipeReport wipe,
        Instant at) {

    public Event {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}
