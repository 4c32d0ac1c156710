package fi.suoja.ui.server;

import java.time.Instant;
import java.util.List;

/**
 * A loan device as the staff desk shows it. {@code loanDue} and {@code loanBookingId} are null
 * when it is not lent out; {@code wipeState} is null when no wipe is open; the {@code lastWipe}
 * fields are null before its first finished wipe; {@code lastWipeFailures} are the kinds of refusal
 * (WipeFailure codes of the MQTT contract, by name) that kept the last wipe from being verified.
 * {@code unheard} is true when the server refused the agent's last word ({@code lastRefusal} says
 * why, {@code lastRefusedAt} when): staff fix the cause and ask the server to hear the device again.
 */
public record Device(String id, String tag, String kind, long siteId, String state, String stateReason, boolean agentManaged,
                     boolean online, Instant lastSeenAt, Integer batteryPercent, Instant loanDue, Long loanBookingId,
                     boolean walkIn, String wipeState, Instant stateChangedAt,
                     Instant lastWipeAt, Boolean lastWipeVerified, Long lastWipeMillis, List<String> lastWipeFailures,
                     boolean unheard, String lastRefusal, Instant lastRefusedAt) {

    public boolean onLoan() {
        return loanDue != null;
    }
}
