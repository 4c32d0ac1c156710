package fi.suoja.hardware.mqtt;

import java.time.Instant;
import java.util.Objects;

/**
 * The retained status of a device, signed by the agent with the device key (see
 * {@link CommandSigner#canonical(DeviceStatus)}). {@code epoch} and {@code session} are the
 * agent's session identity ({@link SessionIds}): the counter grows on every connect within an
 * epoch, and the Last Will carries the same pair with {@code online = false}, so a stale will from
 * an earlier connection (a smaller counter) cannot mark a live device offline.
 */
public record DeviceStatus(
        String deviceId,
        boolean online,
        String epoch,
        long session,
        AgentState state,
        Integer batteryPercent,
        Long freeDiskBytes,
        String agentVersion,
        String os,
        Instant at,
        String signature) {

    public DeviceStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        SessionIds.check(epoch, session);
        if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
            throw new IllegalArgumentException("battery is 0 to 100 %");
        }
    }

    /** The same status, offline, unsigned: sign it again before sending. */
    public DeviceStatus offline(Instant when) {
        return new DeviceStatus(deviceId, false, epoch, session, state, batteryPercent, freeDiskBytes, agentVersion, os,
                when, null);
    }

    public DeviceStatus withSignature(String newSignature) {
        return new DeviceStatus(deviceId, online, epoch, session, state, batteryPercent, freeDiskBytes, agentVersion, os,
                at, newSignature);
    }
}
