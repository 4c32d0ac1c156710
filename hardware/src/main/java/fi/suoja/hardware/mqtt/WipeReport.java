package fi.suoja.hardware.mqtt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a wipe did. {@code verified} is true only when every guest area was checked afterwards and
 * found empty (or equal to its clean template). It holds paths relative to the guest areas and
 * counts, never file contents, so it can be kept as proof.
 */
public record WipeReport(
        String jobId,
        boolean verified,
        long filesRemoved,
        long directoriesRemoved,
        long bytesRemoved,
        List<String> failures,
        long durationMillis,
        Instant finishedAt) {

    public static final int MAX_FAILURES_LISTED = 50;

    public WipeReport {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(finishedAt, "finishedAt");
        failures = failures == null ? List.of() : List.copyOf(failures.subList(0, Math.min(failures.size(), MAX_FAILURES_LISTED)));
    }
}
