package fi.suoja.server.door;

import fi.suoja.server.db.BatchInsert;

import fi.suoja.server.work.WorkRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.List;

/**
 * One piece of hardware work for one booking, due at an instant. {@code attempts} counts the tries
 * claimed; {@code nextAttemptAt} is when the next try may be claimed (the due instant at first, a
 * lease while a try runs, then the back-off after a failure).
 *
 * @param slot       the lock's code slot, for SET_CODE and REVOKE_CODE
 * @param slotHolder {@code <lock>#<slot>} on a REVOKE_CODE task until the slot is emptied: unique
 */
@MappedEntity("door_task")
record DoorTask(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long bookingId,
        long roomId,
        DoorTaskKind kind,
        @Nullable String lockId,
        @Nullable String signId,
        @Nullable Integer slot,
        @Nullable String slotHolder,
        Instant dueAt,
        DoorTaskState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant finishedAt) implements WorkRow {

    static final int ERROR_MAX = 500;

    /** New tasks written as one batch (a booking's five, say); their ids are read when they are claimed. */
    static final BatchInsert<DoorTask> INSERT = new BatchInsert<>("door_task", List.of("booking_id", "room_id", "kind", "lock_id",
            "sign_id", "slot", "slot_holder", "due_at", "state", "attempts", "next_attempt_at", "last_error", "created_at", "finished_at"),
            (values, t) -> values.add(t.bookingId()).add(t.roomId()).add(t.kind().name()).add(t.lockId()).add(t.signId())
                    .add(t.slot()).add(t.slotHolder()).add(t.dueAt()).add(t.state().name()).add(t.attempts())
                    .add(t.nextAttemptAt()).add(t.lastError()).add(t.createdAt()).add(t.finishedAt()));

    @Override
    public String describe() {
        return "Door task " + id + " (" + kind + ") of booking " + bookingId;
    }

    static DoorTask lock(long bookingId, long roomId, DoorTaskKind kind, String lockId, @Nullable Integer slot,
                         Instant due, Instant now) {
        String holder = kind == DoorTaskKind.REVOKE_CODE && slot != null ? holder(lockId, slot) : null;
        return new DoorTask(null, bookingId, roomId, kind, lockId, null, slot, holder, due, DoorTaskState.PENDING, 0,
                due, null, now, null);
    }

    static DoorTask sign(long bookingId, long roomId, DoorTaskKind kind, String signId, Instant due, Instant now) {
        return new DoorTask(null, bookingId, roomId, kind, null, signId, null, null, due, DoorTaskState.PENDING, 0,
                due, null, now, null);
    }

    static String holder(String lockId, int slot) {
        return lockId + "#" + slot;
    }
}
