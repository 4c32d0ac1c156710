package fi.suoja.server.device;

import fi.suoja.server.work.WorkRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A durable wipe of one device. {@code openFor} is the device id while the job is open (at most
 * one per device, by a unique key) and null once it finished. {@code attempts} counts WIPE
 * commands sent; each has its own command id {@code <job id>-<attempt>} and carries the job id.
 */
@MappedEntity("wipe_job")
record WipeJob(
        @Id String id,
        String deviceId,
        @Nullable String openFor,
        WipeMethod method,
        WipeJobState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant finishedAt) implements WorkRow {

    /** The longest problem text a job keeps ({@code last_error}). */
    static final int ERROR_MAX = 500;

    @Override
    public String describe() {
        return "Wipe " + id + " of device " + deviceId;
    }

    boolean open() {
        return openFor != null;
    }

    String commandId(int attempt) {
        return id + "-" + attempt;
    }

    /** Whether an agent's ACK or REJECTED is about a command of this job. */
    boolean ownsCommand(@Nullable String commandId) {
        return commandId != null && commandId.startsWith(id + "-");
    }
}
