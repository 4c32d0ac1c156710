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
     * look at {@code lastRefusal} and, once the cause is fixed, ask the server to hear the device
     * again ({@code POST /api/v1/devices/{id}/hear-again}).
     */
    @Serdeable
    record HearingView(@Nullable String epoch, long session, boolean unheard, int refusedMessages,
                       @Nullable String lastRefusal, @Nullable Instant lastRefusedAt) {
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
     * A device's history for staff, newest first: its loans, wipes, faults, repairs and retirement.
     * {@code more}: older entries were left out (the history is bounded by its {@code limit}).
     */
    @Serdeable
    record HistoryView(String deviceId, String tag, List<HistoryEntryView> entries, boolean more) {
    }

    /**
     * One entry of a device's history, newest first by {@code at} (when it began). By {@code kind}
     * exactly one of {@code loan} (LOAN), {@code wipe} (WIPE) or {@code staff} (FAULTY, REPAIRED,
     * RETIRED) is set.
     */
    @Serdeable
    record HistoryEntryView(HistoryKind kind, Instant at, @Nullable HistoryLoanView loan, @Nullable HistoryWipeView wipe,
                            @Nullable HistoryStaffView staff) {
    }

    /**
     * A loan: for which booking ({@code bookingCode} null once the booking's retention erased it, or
     * a walk-in), who lent it and when, its due time, and when and why it ended and who took it back
     * (null when it ended with its booking or due time).
     */
    @Serdeable
    record HistoryLoanView(long id, @Nullable Long bookingId, @Nullable String bookingCode, boolean walkIn, Instant startedAt,
                           Instant dueAt, @Nullable String lentBy, @Nullable Instant endedAt, @Nullable LoanEnd endedWhy,
                           @Nullable String returnedBy) {
    }

    /**
     * A wipe job: started (opened) and finished by the server's clock, {@code tookMillis} between the
     * two (null while it runs); the agent's report when there is one: verified or not, its own
     * measure of the wipe ({@code durationMillis}), files removed and the kinds of failure. A staff
     * check names {@code checkedBy}.
     */
    @Serdeable
    record HistoryWipeView(String jobId, WipeMethod method, WipeJobState state, int attempts, Instant startedAt,
                           @Nullable Instant finishedAt, @Nullable Long tookMillis, @Nullable Boolean verified,
                           @Nullable Long durationMillis, @Nullable Long filesRemoved, List<WipeFailure> failures,
                           @Nullable String checkedBy) {
    }

    /** What a staff member did: who, and their own words (the reason, or a repair's note). */
    @Serdeable
    record HistoryStaffView(String by, @Nullable String text) {
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
