package fi.suoja.server.door;

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
 * Claiming and finishing are conditional updates: of two instances claiming the same try, one
 * sees one updated row and runs it; a task is finished once. As durable work, a task is claimed
 * for a lease, tried again after a back-off and FAILED after its last try.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface DoorTaskRepository extends CrudRepository<DoorTask, Long>, WorkTable<DoorTask> {

    @Override
    default int claim(DoorTask task, Instant now, Instant leaseUntil) {
        return claim(task.id(), task.attempts(), now, leaseUntil);
    }

    @Override
    default int failedOnce(DoorTask task, String error, @Nullable Instant nextTry) {
        return failedOnce(task.id(), error, nextTry);
    }

    @Override
    default int fail(DoorTask task, String reason, Instant at) {
        return finish(task.id(), DoorTaskState.FAILED.name(), at, reason);
    }

    List<DoorTask> findByBookingIdOrderById(long bookingId);

    @Override
    @Query("""
            SELECT * FROM door_task
            WHERE state = 'PENDING' AND due_at <= :now AND next_attempt_at <= :now
            ORDER BY due_at, id""")
    List<DoorTask> due(Instant now);

    @Query("SELECT DISTINCT booking_id FROM door_task WHERE booking_id IN (:bookingIds)")
    List<Long> plannedAmong(Collection<Long> bookingIds);

    @Query("SELECT * FROM door_task WHERE state = 'PENDING' AND kind IN ('REVOKE_CODE', 'SIGN_FREE') AND due_at > :now")
    List<DoorTask> closingLater(Instant now);

    /** The revoke of the live code that holds a lock's slot ({@code <lock>#<slot>}), if one does. */
    Optional<DoorTask> findBySlotHolder(String slotHolder);

    @Query("SELECT slot FROM door_task WHERE lock_id = :lockId AND slot_holder IS NOT NULL")
    List<Integer> heldSlots(String lockId);

    /** Gives a code's revoke its slot: the unique holder refuses a slot another live code of the lock holds. */
    @Query("""
            UPDATE door_task SET slot = :slot, slot_holder = :holder
            WHERE id = :id AND state = 'PENDING' AND slot_holder IS NULL""")
    int holdSlot(long id, int slot, String holder);

    @Query("UPDATE door_task SET slot = :slot WHERE id = :id")
    int recordSlot(long id, int slot);

    /** Claims the next try: only the instance that saw {@code seen} attempts wins, and only while it is due. */
    @Query("""
            UPDATE door_task SET attempts = attempts + 1, next_attempt_at = :leaseUntil
            WHERE id = :id AND state = 'PENDING' AND attempts = :seen AND due_at <= :now AND next_attempt_at <= :now""")
    int claim(long id, int seen, Instant now, Instant leaseUntil);

    @Query("UPDATE door_task SET last_error = :error, next_attempt_at = :next WHERE id = :id AND state = 'PENDING'")
    int failedOnce(long id, String error, @Nullable Instant next);

    /** Finishes a task; a finished task lets go of its code slot. */
    @Query("""
            UPDATE door_task SET state = :to, finished_at = :at, last_error = :error, slot_holder = NULL
            WHERE id = :id AND state = 'PENDING'""")
    int finish(long id, String to, Instant at, @Nullable String error);

    /** Moves the booking's pending tasks of these kinds to a new instant (an extension, an early end). */
    @Query("""
            UPDATE door_task SET due_at = :due, next_attempt_at = :due
            WHERE booking_id = :bookingId AND state = 'PENDING' AND kind IN (:kinds)""")
    int reschedule(long bookingId, Collection<String> kinds, Instant due);

    /** Brings the booking's pending tasks of these kinds forward to {@code at}, if they were due later. */
    @Query("""
            UPDATE door_task SET due_at = :at, next_attempt_at = :at
            WHERE booking_id = :bookingId AND state = 'PENDING' AND kind IN (:kinds) AND due_at > :at""")
    int bringForward(long bookingId, Collection<String> kinds, Instant at);

    /** Skips the booking's pending tasks of these kinds, as when the booking ended before they ran. */
    @Query("""
            UPDATE door_task SET state = 'SKIPPED', finished_at = :at, slot_holder = NULL
            WHERE booking_id = :bookingId AND state = 'PENDING' AND kind IN (:kinds)""")
    int skip(long bookingId, Collection<String> kinds, Instant at);
}
