package fi.suoja.server.door;

import fi.suoja.server.db.SqlErrors;
import fi.suoja.server.db.Tx;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The keypad slots of the locks: slots {@code 1..suoja.doors.code-slots} are the server's. A code
 * takes the lowest free slot when it is first set and holds it until its revoke is done (or has
 * failed): the slot is written on the code's REVOKE_CODE task with a unique holder
 * {@code <lock>#<slot>}, so two codes whose windows touch never share one, even when two instances
 * set codes on one lock at once. A room booked far ahead holds no slots for it.
 */
@Singleton
class CodeSlots {

    private static final int ATTEMPTS = 5;

    private final DoorTaskRepository tasks;
    private final Tx tx;
    private final DoorConfig config;

    CodeSlots(DoorTaskRepository tasks, Tx tx, DoorConfig config) {
        this.tasks = tasks;
        this.tx = tx;
        this.config = config;
    }

    int count() {
        return config.codeSlots();
    }

    /**
     * The slot of the booking's code: the one its revoke holds already (a try again, a new window
     * after an extension), or the lowest of the server's slots that no live code of this lock
     * holds. Empty when every slot is held, or when the code's revoke has already run.
     */
    OptionalInt forCode(DoorTask set) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.run(() -> {
                    Optional<DoorTask> revoke = tasks.findByBookingIdOrderById(set.bookingId()).stream()
                            .filter(t -> t.kind() == DoorTaskKind.REVOKE_CODE).findFirst();
                    if (revoke.isEmpty() || revoke.get().state() != DoorTaskState.PENDING) {
                        return OptionalInt.empty();
                    }
                    if (revoke.get().slotHolder() != null) {
                        return OptionalInt.of(revoke.get().slot());
                    }
                    OptionalInt free = free(set.lockId());
                    if (free.isPresent()) {
                        if (tasks.holdSlot(revoke.get().id(), free.getAsInt(), DoorTask.holder(set.lockId(), free.getAsInt())) != 1) {
                            throw new IllegalStateException("the revoke of booking " + set.bookingId() + " changed meanwhile");
                        }
                        tasks.recordSlot(set.id(), free.getAsInt());
                    }
                    return free;
                });
            } catch (DataAccessException e) {
                // Another code of this lock took the same slot at the same moment: choose again.
                if (!SqlErrors.isUniqueViolation(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The slot a task has now, read again: a code's slot may have been given since the task was read. */
    Optional<Integer> of(DoorTask task) {
        return tx.run(() -> tasks.findById(task.id()).map(DoorTask::slot));
    }

    private OptionalInt free(String lockId) {
        Set<Integer> held = new HashSet<>(tasks.heldSlots(lockId));
        return IntStream.rangeClosed(1, config.codeSlots()).filter(slot -> !held.contains(slot)).findFirst();
    }
}
