package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.AgentState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Optional;

/**
 * A loan device. {@code keyCipher} is the command-signing key encrypted with a server key;
 * {@code brokerPasswordHash} is the Mosquitto {@code $7$} hash of the broker password, never the
 * password. Connectivity fields are what the agent last said, guarded by its session identity
 * ({@code agentEpoch} and {@code sessionCounter}, see {@link AgentReports}); {@code refusedMessages}
 * and {@code lastRefusal} tell what the server refused from the device and why ({@code lastRefusalKind}
 * for staff, {@code lastRefusal} in detail for the log and IT). {@code agentState}
 * is what the agent last said of itself in a status, as of {@code agentStateAt} (server time; a heartbeat
 * repeating it does not move it, see {@link AgentReports}).
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
        Instant createdAt,
        @Nullable String agentEpoch,
        @Nullable Instant epochStartedAt,
        int refusedMessages,
        @Nullable String lastRefusal,
        @Nullable Instant lastRefusedAt,
        @Nullable Instant agentStateAt,
        @Nullable RefusalKind lastRefusalKind) {

    static final String TAG_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";
    static final int REASON_MAX = 500;
    static final int REFUSAL_MAX = 300;

    /**
     * The agent's last reported state if it says the laptop is not clean (a guest session, a wipe
     * under way, or dirty): such a laptop is not handed out whatever {@link #state} says.
     */
    Optional<AgentState> notCleanByAgent() {
        if (agentState == null) {
            return Optional.empty();
        }
        AgentState said;
        try {
            said = AgentState.valueOf(agentState);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        return switch (said) {
            case IN_SESSION, WIPING, DIRTY -> Optional.of(said);
            case IDLE, LOCKED -> Optional.empty();
        };
    }

    /** Whether the last word from the agent was refused: the server cannot hear the device now. */
    boolean unheard() {
        return lastRefusedAt != null && (lastSeenAt == null || !lastSeenAt.isAfter(lastRefusedAt));
    }
}
