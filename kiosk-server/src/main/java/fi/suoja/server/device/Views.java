package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.WipeFailure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** What the API shows of the fleet. Keys and broker passwords are never part of it. */
final class Views {

    private Views() {
    }

    /** {@code actions}: what staff can do with the device now (its state's rules, see {@link StaffAction}). */
    @Serdeable
    record DeviceView(
            String id,
            String tag,
            DeviceKind kind,
            long siteId,
            DeviceState state,
            @Nullable String stateReason,
            Instant stateChangedAt,
            boolean agentManaged,
            boolean online,
            long session,
            @Nullable Instant lastSeenAt,
            @Nullable Integer batteryPercent,
            @Nullable Long freeDiskBytes,
            @Nullable String agentVersion,
            @Nullable String os,
            @Nullable String agentState,
            @Nullable LoanView loan,
            @Nullable WipeView wipe,
            @Nullable LastWipeView lastWipe,
            @Nullable HearingView hearing,
            List<StaffAction> actions) {
    }

    /**
     * How the server hears the device's agent: its session identity, and what it refused from the
     * device. {@code unheard} is true when the last word from the agent was refused: staff should
     * look at {@code lastRefusalKind} (a code the desk words; null for refusals noted before there
     * were codes) and, once the cause is fixed, ask the server to hear the device again
     * ({@code POST /api/v1/devices/{id}/hear-again}). {@code lastRefusal} is the server's English
     * detail, for the log and IT.
     */
    @Serdeable
    record HearingView(@Nullable String epoch, long session, boolean unheard, int refusedMessages,
                       @Nullable RefusalKind lastRefusalKind, @Nullable String lastRefusal, @Nullable Instant lastRefusedAt) {
    }

    /**
     * The device's newest finished wipe: when, whether verified, how long it took, and what kinds
     * of refusal kept it from being verified (codes staff read in their language).
     */
    @Serdeable
    record LastWipeView(Instant finishedAt, boolean verified, long durationMillis, @Nullable String checkedBy,
                        List<WipeFailure> failures) {
    }

    @Serdeable
    record LoanView(long id, @Nullable Long bookingId, boolean walkIn, Instant startedAt, Instant dueAt) {
    }

    @Serdeable
    record WipeView(String jobId, WipeMethod method, WipeJobState state, int attempts, @Nullable Instant nextAttemptAt,
                    @Nullable String lastError) {
    }

    @Serdeable
    record WipeReportView(String jobId, boolean verified, long filesRemoved, long directoriesRemoved, long bytesRemoved,
                          List<String> failures, long durationMillis, Instant finishedAt, Instant receivedAt,
                          @Nullable String checkedBy) {
    }

    /**
     * The answer to a registration, shown once. {@code agentConfig} is the agent's whole
     * configuration file (null for devices without an agent).
     */
    @Serdeable
    record Provisioned(DeviceView device, @Nullable String agentConfig, @Nullable String mosquittoPasswordLine,
                       List<String> mosquittoAcl, List<String> serverAcl) {
    }

    /** Files for an external Mosquitto with every device of the fleet (hashes only, no passwords). */
    @Serdeable
    record BrokerFilesView(String passwordFile, String aclFile) {
    }
}
