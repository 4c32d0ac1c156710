package fi.suoja.ui.server;

import java.time.Instant;
import java.util.List;

/**
 * A loan device as the server's API shows it. {@code loan} is null when it is not lent out,
 * {@code wipe} when no wipe is open, {@code lastWipe} before its first finished wipe, {@code hearing}
 * for a device without an agent. {@code actions} are what staff can do with it now: the server
 * works them out from its state, the desk only shows them.
 */
@ApiSchema("Views.DeviceView")
public record Device(String id, String tag, DeviceKind kind, long siteId, DeviceState state, String stateReason,
                     Instant stateChangedAt, boolean agentManaged, boolean online, Instant lastSeenAt, Integer batteryPercent,
                     Loan loan, Wipe wipe, LastWipe lastWipe, Hearing hearing, List<StaffAction> actions) {

    public Device {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A running loan: {@code bookingId} is null for a walk-in. */
    @ApiSchema("Views.LoanView")
    public record Loan(long id, Long bookingId, boolean walkIn, Instant startedAt, Instant dueAt) {
    }

    /** The device's open wipe job. */
    @ApiSchema("Views.WipeView")
    public record Wipe(String jobId, WipeJobState state, int attempts, Instant nextAttemptAt, String lastError) {
    }

    /**
     * The newest finished wipe; {@code failures} are the kinds of refusal that kept it from being
     * verified.
     */
    @ApiSchema("Views.LastWipeView")
    public record LastWipe(Instant finishedAt, boolean verified, long durationMillis, String checkedBy, List<WipeFailure> failures) {

        public LastWipe {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }
    }

    /**
     * How the server hears the agent: {@code unheard} when it refused the agent's last word
     * ({@code lastRefusalKind} says why, null for refusals from before kinds; {@code lastRefusedAt}
     * when); staff fix the cause and ask the server to hear the device again. The server's English
     * detail of the refusal is for IT and not read here.
     */
    @ApiSchema("Views.HearingView")
    public record Hearing(boolean unheard, RefusalKind lastRefusalKind, Instant lastRefusedAt) {
    }

    /** Whether staff can do {@code action} with the device now, as the server says. */
    public boolean allows(StaffAction action) {
        return actions.contains(action);
    }

    public boolean onLoan() {
        return loan != null;
    }

    public boolean unheard() {
        return hearing != null && hearing.unheard();
    }
}
