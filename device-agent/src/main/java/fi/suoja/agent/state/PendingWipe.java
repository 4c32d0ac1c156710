package fi.suoja.agent.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A wipe written down before it starts, so that a restart finishes it.
 *
 * @param commandId the WIPE command, or null for a wipe the agent began itself at start-up
 */
public record PendingWipe(String commandId, String jobId, Instant startedAt) {

    public PendingWipe {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
