package fi.suoja.server.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A loan device. {@code keyCipher} is the command-signing key encrypted with a server key;
 * {@code brokerPasswordHash} is the Mosquitto {@code $7$} hash of the broker password, never the
 * password. Connectivity fields are what the agent last said, guarded by {@code sessionCounter}.
 */
@MappedEntity("device")
record Device(
        @Id String id,
        String tag,
        DeviceKind kind,
        long siteId,
        DeviceState state,
        @Nullable String stateReason,
        Instant stateChangedAt,
        @Nullable String keyCipher,
        @Nullable String brokerUsername,
        @Nullable String brokerPasswordHash,
        boolean online,
        long sessionCounter,
        @Nullable Instant lastSeenAt,
        @Nullable Integer batteryPercent,
        @Nullable Long freeDiskBytes,
        @Nullable String agentVersion,
        @Nullable String os,
        @Nullable String agentState,
        Instant createdAt) {

    static final String TAG_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";
    static final int REASON_MAX = 500;
}
