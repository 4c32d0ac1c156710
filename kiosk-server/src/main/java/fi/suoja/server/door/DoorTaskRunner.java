package fi.suoja.server.door;

import fi.suoja.hardware.door.CodeGrant;
import fi.suoja.hardware.door.CodeSlot;
import fi.suoja.hardware.door.DoorCode;
import fi.suoja.hardware.door.DoorLock;
import fi.suoja.hardware.door.LockId;
import fi.suoja.hardware.door.LockResult;
import fi.suoja.hardware.sign.RoomSign;
import fi.suoja.hardware.sign.SignId;
import fi.suoja.hardware.sign.SignResult;
import fi.suoja.hardware.sign.SignState;
import fi.suoja.server.booking.BookingDoor;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.booking.BookingStatus;
import fi.suoja.server.db.Tx;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.work.DurableWork;
import fi.suoja.server.work.RetryPolicy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the due door tasks through the hardware ports as {@link DurableWork}: each try is claimed
 * through the database (so one instance runs it), every look finds all that is due (so it catches
 * up after downtime), the booking is read again before a task that starts something (so a
 * cancelled booking gets no code), and after a failed try the next waits longer. After the last try
 * the task FAILS and staff get an alert — an UNLOCK after its first, as someone waits at the door;
 * the booking goes on.
 */
@Singleton
class DoorTaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DoorTaskRunner.class);
    private static final Comparator<DoorTask> ORDER = Comparator.comparing(DoorTask::dueAt)
            .thenComparing(t -> t.kind().order()).thenComparing(DoorTask::id);

    private final DurableWork<DoorTask> work;
    private final DoorTaskRepository tasks;
    private final CodeSlots slots;
    private final BookingService bookings;
    private final RoomService rooms;
    private final DoorLock locks;
    private final RoomSign signs;
    private final Alerts alerts;
    private final Tx tx;
    private final DoorConfig config;
    private final Clock clock;

    DoorTaskRunner(DoorTaskRepository tasks, CodeSlots slots, BookingService bookings, RoomService rooms, DoorLock locks,
                   RoomSign signs, Alerts alerts, Tx tx, DoorConfig config, Clock clock) {
        this.work = new DurableWork<>(tasks, RetryPolicy.of(config.retryFirst(), config.retryCeiling(), config.maxAttempts()),
                DoorTask.ERROR_MAX, tx);
        this.tasks = tasks;
        this.slots = slots;
        this.bookings = bookings;
        this.rooms = rooms;
        this.locks = locks;
        this.signs = signs;
        this.alerts = alerts;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    /** Runs every task that is due now, earliest first; for the scheduler and after booking changes. */
    int runDue() {
        Instant now = clock.instant();
        return work.runDue(now, ORDER, task -> run(task, now));
    }

    private boolean run(DoorTask task, Instant now) {
        OptionalInt claimed = work.claim(task, now, now.plus(config.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        int attempt = claimed.getAsInt();
        Optional<BookingDoor> booking = bookings.door(task.bookingId());
        Optional<String> moot = task.kind().closing() ? Optional.empty() : moot(task, booking, now);
        if (moot.isPresent()) {
            tx.run(() -> tasks.finish(task.id(), DoorTaskState.SKIPPED.name(), clock.instant(), moot.get()));
            LOG.info("Door task {} ({}) of booking {} skipped: {}", task.id(), task.kind(), task.bookingId(), moot.get());
            return true;
        }
        Optional<Failed> failure;
        try {
            failure = perform(task, booking);
        } catch (RuntimeException e) {
            failure = Optional.of(new Failed(DoorFailure.ADAPTER_FAILED, "the adapter failed: " + e.getMessage()));
        }
        Instant after = clock.instant();
        if (failure.isEmpty()) {
            tx.run(() -> tasks.finish(task.id(), DoorTaskState.DONE.name(), after, null));
            LOG.info("Door task {} ({}) of booking {} done on try {}", task.id(), task.kind(), task.bookingId(), attempt);
            if (task.kind() == DoorTaskKind.SET_CODE) {
                revokeIfEndedMeanwhile(task);
            }
            return true;
        }
        // Someone stands at a door that did not open on check-in: staff hear of it at once, not minutes later.
        int lastAttempt = task.kind() == DoorTaskKind.UNLOCK ? 1 : config.maxAttempts();
        Failed failed = failure.get();
        if (work.failed(task, attempt, lastAttempt, "Try " + attempt + ": " + failed.detail(), after)) {
            LOG.warn("Door task {} ({}) of booking {} FAILED after {} tries: {}", task.id(), task.kind(), task.bookingId(),
                    attempt, failed.detail());
            alerts.raise(rooms.get(task.roomId()), task.bookingId(), alertCode(task.kind()), attempt, failed.kind(), failed.detail());
        } else if (attempt < lastAttempt) {
            LOG.info("Door task {} ({}) of booking {}: try {} failed: {}", task.id(), task.kind(), task.bookingId(), attempt,
                    failed.detail());
        }
        return true;
    }

    /** Why a task that starts something should not run any more, if it should not. */
    private static Optional<String> moot(DoorTask task, Optional<BookingDoor> found, Instant now) {
        if (found.isEmpty()) {
            return Optional.of("the booking is gone");
        }
        BookingDoor booking = found.get();
        if (!booking.holdsRoomAt(now)) {
            return Optional.of("the booking is " + booking.status() + " and ends at " + booking.endsAt());
        }
        return switch (task.kind()) {
            case SET_CODE -> booking.doorCode() == null ? Optional.of("the booking has no door code") : Optional.empty();
            case UNLOCK -> booking.status() == BookingStatus.CHECKED_IN ? Optional.empty() : Optional.of("not checked in");
            case SIGN_BUSY, SIGN_ENDING_SOON, REVOKE_CODE, SIGN_FREE -> Optional.empty();
        };
    }

    /** How a try failed: its kind for the desk, the hardware's words for the log. */
    private record Failed(DoorFailure kind, String detail) {
    }

    /** Drives the hardware; an empty answer is success, otherwise why it failed. */
    private Optional<Failed> perform(DoorTask task, Optional<BookingDoor> booking) {
        return switch (task.kind()) {
            case SET_CODE -> {
                BookingDoor b = booking.orElseThrow();
                OptionalInt slot = slots.forCode(task);
                if (slot.isEmpty()) {
                    yield Optional.of(new Failed(DoorFailure.NO_FREE_SLOT, "every code slot 1-" + slots.count()
                            + " of the lock holds a live code (raise suoja.doors.code-slots if the lock has more)"));
                }
                yield failure(locks.setCode(new CodeGrant(new LockId(task.lockId()), new CodeSlot(slot.getAsInt()),
                        "booking " + b.bookingId(), new DoorCode(b.doorCode()), b.doorCodeFrom(), b.endsAt())));
            }
            // No slot: no code was ever set, nothing to take out.
            case REVOKE_CODE -> slots.of(task).flatMap(slot -> failure(locks.revokeCode(new LockId(task.lockId()), new CodeSlot(slot))));
            case UNLOCK -> failure(locks.unlock(new LockId(task.lockId())));
            case SIGN_BUSY -> failure(signs.show(new SignId(task.signId()), SignState.BUSY));
            case SIGN_ENDING_SOON -> failure(signs.show(new SignId(task.signId()), SignState.ENDING_SOON));
            case SIGN_FREE -> failure(signs.show(new SignId(task.signId()), SignState.FREE));
        };
    }

    /**
     * A code set while its booking was being cancelled could outlive the revoke that ran beside it;
     * taking it out again costs one command and closes that gap.
     */
    private void revokeIfEndedMeanwhile(DoorTask set) {
        Instant now = clock.instant();
        boolean over = bookings.door(set.bookingId()).map(b -> !b.holdsRoomAt(now)).orElse(true);
        boolean revoked = tx.run(() -> tasks.findByBookingIdOrderById(set.bookingId()).stream()
                .anyMatch(t -> t.kind() == DoorTaskKind.REVOKE_CODE && t.state() != DoorTaskState.PENDING));
        Optional<Integer> slot = slots.of(set);
        if (over && revoked && slot.isPresent()) {
            LOG.info("Booking {} ended while its code was being set: revoking it again", set.bookingId());
            failure(locks.revokeCode(new LockId(set.lockId()), new CodeSlot(slot.get())))
                    .ifPresent(why -> alerts.raise(rooms.get(set.roomId()), set.bookingId(), AlertCode.CANCELLED_CODE_MAY_OPEN, 1,
                            why.kind(), why.detail()));
        }
    }

    private static Optional<Failed> failure(LockResult result) {
        if (result instanceof LockResult.Refused refused) {
            return Optional.of(new Failed(DoorFailure.LOCK_REFUSED, "the lock refused: " + refused.reason()));
        }
        if (result instanceof LockResult.NoAnswer none) {
            return Optional.of(new Failed(DoorFailure.LOCK_NO_ANSWER, "the lock did not answer: " + none.reason()));
        }
        return Optional.empty();
    }

    private static Optional<Failed> failure(SignResult result) {
        if (result instanceof SignResult.NotShown notShown) {
            return Optional.of(new Failed(DoorFailure.SIGN_NOT_REACHED, "the sign was not reached: " + notShown.reason()));
        }
        return Optional.empty();
    }

    private static AlertCode alertCode(DoorTaskKind kind) {
        return switch (kind) {
            case SET_CODE -> AlertCode.CODE_NOT_SET;
            case REVOKE_CODE -> AlertCode.CODE_NOT_REVOKED;
            case UNLOCK -> AlertCode.DOOR_NOT_OPENED;
            case SIGN_BUSY, SIGN_ENDING_SOON, SIGN_FREE -> AlertCode.SIGN_NOT_CHANGED;
        };
    }
}
