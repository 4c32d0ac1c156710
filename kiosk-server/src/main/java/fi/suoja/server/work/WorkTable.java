package fi.suoja.server.work;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A table of durable work as {@link DurableWork} uses it; a feature's repository lends it its
 * conditional updates. Every change is one whose row count says whether this instance made it:
 * of two instances claiming one try, one counts 1 and runs it; a row is failed once.
 *
 * @param <T> a row of the table
 */
public interface WorkTable<T extends WorkRow> {

    /** The rows whose next try may be claimed now. */
    List<T> due(Instant now);

    /**
     * Claims try {@code attempts + 1} while the row still has the attempts it was read with; no
     * other try may be claimed before {@code leaseUntil}. 1 for the instance that won.
     */
    int claim(T row, Instant now, Instant leaseUntil);

    /** Notes why a try failed; the next may be claimed from {@code nextTry} (null: at once). */
    int failedOnce(T row, String error, @Nullable Instant nextTry);

    /** Finishes an unfinished row as failed for good. 1 for the instance that finished it. */
    int fail(T row, String reason, Instant at);
}
