package fi.suoja.hardware.mqtt;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.util.Objects;

/**
 * An event from an agent about itself or about one command, signed by the agent with the device
 * key (see {@link CommandSigner#canonical(Event)}).
 *
 * @param epoch     the agent's session epoch when it sent this (see {@link SessionIds})
 * @param session   the agent's connection counter within the epoch (see {@link DeviceStatus})
 * @param commandId the command this is about; null for HELLO
 * @param state     the agent's state after the event
 * @param detail    a plain reason (REJECTED), a step (PROGRESS) or an outcome (RESULT)
 * @param duplicate true on an ACK or RESULT for a command already done before (a redelivery)
 * @param wipe      the report, on the RESULT of a WIPE
 * @param signature Base64 HMAC-SHA256 of the canonical text with the device key
 */
public record Event(
        String deviceId,
        EventType type,
        String epoch,
        long session,
        String commandId,
        AgentState state,
        String detail,
        // absent and null mean "not a redelivery", as docs/mqtt.md says of every optional field
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean duplicate,
        WipeReport wipe,
        Instant at,
        String signature) {

    public Event {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        SessionIds.check(epoch, session);
    }

    public Event withSignature(String newSignature) {
        return new Event(deviceId, type, epoch, session, commandId, state, detail, duplicate, wipe, at, newSignature);
    }
}
