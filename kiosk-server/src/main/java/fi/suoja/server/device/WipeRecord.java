package fi.suoja.server.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A finished wipe as kept for proof: the agent's report, or a staff check ({@code checkedBy}) for
 * a device without an agent. Failures are the agent's relative paths, one a line.
 */
@MappedEntity("wipe_report")
record WipeRecord(
        @Id String jobId,
        String deviceId,
        boolean verified,
        long filesRemoved,
        long directoriesRemoved,
        long bytesRemoved,
        @Nullable String failures,
        long durationMillis,
        Instant finishedAt,
        Instant receivedAt,
        @Nullable String checkedBy) {

    static final int FAILURES_MAX = 20_000;
}
