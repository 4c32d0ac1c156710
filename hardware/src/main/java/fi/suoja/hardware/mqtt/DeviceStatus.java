package fi.suoja.hardware.mqtt;

import java.time.Instant;
import java.util.Objects;

/**
 * The retained status of a device. {@code session} grows on every connect of the agent; the Last
 * Will carries the same number with {@code online = false}, so a stale will from an earlier
 * connection (a smaller number) cannot mark a live device offline.
 */
public record DeviceStatus(
        String deviceId,
        boolean online,
        long session,
        AgentState state,
        Integer batteryPercent,
        Long freeDiskBytes,
        String agentVersion,
        String os,
        Instant at) {

    public DeviceStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
            throw new IllegalArgumentException("battery is 0 to 100 %");
        }
    }

    public DeviceStatus offline(Instant when) {
        return new DeviceStatus(deviceId, false, session, state, batteryPercent, freeDiskBytes, agentVersion, os, when);
    }
}
