package fi.suoja.server.device;

import fi.suoja.server.work.WorkTable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sending, acknowledging and finishing are conditional updates, so a job is claimed for a send
 * by one instance only and finished exactly once. As durable work, a try is one WIPE command and
 * a job whose last try had no result TIMES_OUT.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface WipeJobRepository extends CrudRepository<WipeJob, String>, WorkTable<WipeJob> {

    @Override
    default int claim(WipeJob job, Instant now, Instant leaseUntil) {
        return claimSend(job.id(), job.attempts(), leaseUntil);
    }

    @Override
    default int failedOnce(WipeJob job, String error, @Nullable Instant nextTry) {
        return failedOnce(job.id(), error, nextTry);
    }

    @Override
    default int fail(WipeJob job, String reason, Instant at) {
        return finish(job.id(), WipeJobState.TIMED_OUT.name(), at, reason);
    }

    Optional<WipeJob> findByOpenFor(String deviceId);

    List<WipeJob> findByOpenForIn(Collection<String> deviceIds);

    List<WipeJob> findByDeviceIdOrderByCreatedAtDesc(String deviceId);

    /** The device's newest jobs first, for its history. */
    @Query("SELECT * FROM wipe_job WHERE device_id = :deviceId ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<WipeJob> newestOf(String deviceId, int limit);

    @Query("""
            SELECT * FROM wipe_job
            WHERE open_for IS NOT NULL AND method = 'AGENT' AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
            ORDER BY created_at""")
    @Override
    List<WipeJob> due(Instant now);

    /** Claims the next send: only the instance that saw {@code seen} attempts wins. */
    @Query("""
            UPDATE wipe_job SET attempts = attempts + 1, next_attempt_at = :next,
                   state = CASE WHEN state = 'QUEUED' THEN 'SENT' ELSE state END
            WHERE id = :id AND attempts = :seen AND open_for IS NOT NULL""")
    int claimSend(String id, int seen, Instant next);

    @Query("UPDATE wipe_job SET state = 'ACKED' WHERE id = :id AND state = 'SENT' AND open_for IS NOT NULL")
    int acknowledged(String id);

    /** Notes why a try failed; the next may be sent from {@code next} (null: at once). */
    @Query("UPDATE wipe_job SET last_error = :error, next_attempt_at = :next WHERE id = :id AND open_for IS NOT NULL")
    int failedOnce(String id, String error, @Nullable Instant next);

    @Query("UPDATE wipe_job SET next_attempt_at = :at WHERE id = :id AND open_for IS NOT NULL")
    int dueAt(String id, Instant at);

    @Query("""
            UPDATE wipe_job SET state = :to, finished_at = :at, last_error = :error, open_for = NULL
            WHERE id = :id AND open_for IS NOT NULL""")
    int finish(String id, String to, Instant at, @Nullable String error);
}
