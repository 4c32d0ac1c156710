package fi.suoja.server.door;

import fi.suoja.server.db.Tx;
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
import fi.suoja.server.db.SqlErrors;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The hardware work of bookings as durable tasks. A booking plans its tasks when it is made: its
 * keypad code is set when its window opens (start minus the site's lead) and revoked exactly at
 * its end; its sign turns BUSY at its start, ENDING_SOON a few minutes before its end and FREE at
 * its end. Check-in opens a door without a keypad. Cancelling, ending early and no-show release
 * bring the revoke and FREE forward to that instant and drop what has become moot; an extension
 * moves them to the new end.
 *
 * <p>{@link #runDue()} claims each due try through the database (so one instance runs it), looks
 * for everything due (so it catches up after downtime), reads the booking again before a task that
 * starts something (so a cancelled booking gets no code), and after a failed try waits longer each
 * time. After the last try the task FAILS and staff get an alert; the booking goes on.
 */
@Singleton
class DoorTasks {

    private static final Logger LOG = LoggerFactory.getLogger(DoorTasks.class);
    private static final int SLOT_ATTEMPTS = 5;
    private static final List<String> CLOSING = names(DoorTaskKind.REVOKE_CODE, DoorTaskKind.SIGN_FREE);
    private static final List<String> STARTING = names(DoorTaskKind.SET_CODE, DoorTaskKind.UNLOCK, DoorTaskKind.SIGN_BUSY,
            DoorTaskKind.SIGN_ENDING_SOON);

    private final DoorTaskRepository tasks;
    private final BookingService bookings;
    private final RoomService rooms;
    private final DoorLock locks;
    private final RoomSign signs;
    private final Alerts alerts;
    private final Tx tx;
    private final DoorConfig config;
    private final Clock clock;

    DoorTasks(DoorTaskRepository tasks, BookingService bookings, RoomService rooms, DoorLock locks, RoomSign signs,
              Alerts alerts, Tx tx, DoorConfig config, Clock clock) {
        this.tasks = tasks;
        this.bookings = bookings;
        this.rooms = rooms;
        this.locks = locks;
        this.signs = signs;
        this.alerts = alerts;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    // ---- planning, from the booking's events ----

    /** Plans a new booking's tasks; a booking that has tasks already is left alone. */
    void planBooking(long bookingId) {
        Optional<BookingDoor> found = bookings.door(bookingId);
        if (found.isEmpty() || !found.get().status().holdsRoom()) {
            return;
        }
        BookingDoor booking = found.get();
        Room room = rooms.get(booking.roomId());
        tx.run(() -> {
            if (!tasks.findByBookingIdOrderById(bookingId).isEmpty()) {
                return 0;
            }
            tasks.saveAll(plan(booking, room, clock.instant()));
            return 1;
        });
    }

    private List<DoorTask> plan(BookingDoor booking, Room room, Instant now) {
        List<DoorTask> planned = new ArrayList<>();
        long id = booking.bookingId();
        if (room.doorLockId() != null && room.keypad() && booking.doorCode() != null && booking.doorCodeFrom() != null) {
            // The slot is chosen when the code is set: a lock has few, and a room many bookings ahead.
            planned.add(DoorTask.lock(id, room.id(), DoorTaskKind.SET_CODE, room.doorLockId(), null, booking.doorCodeFrom(), now));
            planned.add(DoorTask.lock(id, room.id(), DoorTaskKind.REVOKE_CODE, room.doorLockId(), null, booking.endsAt(), now));
        }
        if (room.roomSignId() != null) {
            String sign = room.roomSignId();
            planned.add(DoorTask.sign(id, room.id(), DoorTaskKind.SIGN_BUSY, sign, booking.startsAt(), now));
            Instant endingSoon = booking.endsAt().minus(config.endingSoon());
            if (endingSoon.isAfter(booking.startsAt())) {
                planned.add(DoorTask.sign(id, room.id(), DoorTaskKind.SIGN_ENDING_SOON, sign, endingSoon, now));
            }
            planned.add(DoorTask.sign(id, room.id(), DoorTaskKind.SIGN_FREE, sign, booking.endsAt(), now));
        }
        return planned;
    }

    /**
     * The slot of the booking's code: the one its revoke holds already (a try again, a new window
     * after an extension), or the lowest of the server's slots that no live code of this lock
     * holds. A slot is held from when its code is first set until the code's revoke is done, so
     * codes whose windows touch (a door-code lead longer than the buffer) never share one, also
     * when two instances set codes on one lock at once. Empty when every slot is held.
     */
    private OptionalInt slotFor(DoorTask set) {
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
                    OptionalInt free = freeSlot(set.lockId());
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
                if (!SqlErrors.isUniqueViolation(e) || attempt >= SLOT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private OptionalInt freeSlot(String lockId) {
        Set<Integer> held = new HashSet<>(tasks.heldSlots(lockId));
        return IntStream.rangeClosed(1, config.codeSlots()).filter(slot -> !held.contains(slot)).findFirst();
    }

    /** A citizen checked in: a door without a keypad opens now. */
    void checkedIn(long bookingId, long roomId, Instant at) {
        Room room = rooms.get(roomId);
        if (room.doorLockId() == null || room.keypad()) {
            return;
        }
        tx.run(() -> tasks.save(DoorTask.lock(bookingId, roomId, DoorTaskKind.UNLOCK, room.doorLockId(), null, at, clock.instant())));
    }

    /** The booking no longer holds its room: revoke its code and free its sign now, drop what has not started. */
    void ended(long bookingId, Instant at) {
        tx.run(() -> {
            tasks.skip(bookingId, STARTING, at);
            return tasks.bringForward(bookingId, CLOSING, at);
        });
    }

    /** The booking runs longer: the revoke and FREE move to the new end, the code's window is set again. */
    void extended(long bookingId, Instant newEnd) {
        Optional<BookingDoor> found = bookings.door(bookingId);
        if (found.isEmpty()) {
            return;
        }
        BookingDoor booking = found.get();
        Instant now = clock.instant();
        tx.run(() -> {
            tasks.reschedule(bookingId, CLOSING, newEnd);
            List<DoorTask> existing = tasks.findByBookingIdOrderById(bookingId);
            Instant endingSoon = newEnd.minus(config.endingSoon());
            Optional<DoorTask> sign = existing.stream().filter(t -> t.signId() != null).findFirst();
            if (sign.isPresent()) {
                boolean pendingSoon = has(existing, DoorTaskKind.SIGN_ENDING_SOON, DoorTaskState.PENDING);
                if (pendingSoon) {
                    tasks.reschedule(bookingId, List.of(DoorTaskKind.SIGN_ENDING_SOON.name()), endingSoon);
                } else if (endingSoon.isAfter(booking.startsAt())) {
                    if (has(existing, DoorTaskKind.SIGN_ENDING_SOON, DoorTaskState.DONE) && !now.isBefore(booking.startsAt())) {
                        tasks.save(DoorTask.sign(bookingId, booking.roomId(), DoorTaskKind.SIGN_BUSY, sign.get().signId(), now, now));
                    }
                    tasks.save(DoorTask.sign(bookingId, booking.roomId(), DoorTaskKind.SIGN_ENDING_SOON, sign.get().signId(),
                            endingSoon, now));
                }
            }
            // A lock that keeps windows itself learns the new end; a Zigbee lock just takes the same code again.
            existing.stream().filter(t -> t.kind() == DoorTaskKind.SET_CODE && t.state() == DoorTaskState.DONE).findFirst()
                    .filter(set -> !has(existing, DoorTaskKind.SET_CODE, DoorTaskState.PENDING))
                    .ifPresent(set -> tasks.save(DoorTask.lock(bookingId, booking.roomId(), DoorTaskKind.SET_CODE,
                            set.lockId(), set.slot(), now, now)));
            return 0;
        });
    }

    /**
     * Makes up for booking events this server never handled (it stopped between a booking's commit
     * and its event): plans bookings that hold a room and have no tasks, brings forward the closing
     * tasks of bookings that no longer hold their room, and follows ends that moved. Returns how
     * many bookings it put right.
     */
    int reconcile() {
        Instant now = clock.instant();
        int fixed = 0;
        Set<Long> seen = new HashSet<>();
        for (DoorTask closing : tx.run(() -> tasks.closingLater(now))) {
            if (!seen.add(closing.bookingId())) {
                continue;
            }
            Optional<BookingDoor> booking = bookings.door(closing.bookingId());
            if (booking.isEmpty() || !booking.get().status().holdsRoom()) {
                ended(closing.bookingId(), now);
                fixed++;
            } else if (!booking.get().endsAt().equals(closing.dueAt())) {
                extended(closing.bookingId(), booking.get().endsAt());
                fixed++;
            }
        }
        List<BookingDoor> holding = bookings.holdingRooms(now);
        for (int from = 0; from < holding.size(); from += 500) {
            List<BookingDoor> batch = holding.subList(from, Math.min(holding.size(), from + 500));
            Set<Long> planned = new HashSet<>(tx.run(() -> tasks.plannedAmong(batch.stream().map(BookingDoor::bookingId).toList())));
            for (BookingDoor booking : batch) {
                if (!planned.contains(booking.bookingId()) && hasHardware(rooms.get(booking.roomId()))) {
                    planBooking(booking.bookingId());
                    fixed++;
                }
            }
        }
        if (fixed > 0) {
            LOG.warn("Door tasks of {} bookings were out of step with the bookings and were put right", fixed);
        }
        return fixed;
    }

    private static boolean hasHardware(Room room) {
        return room.roomSignId() != null || (room.doorLockId() != null && room.keypad());
    }

    private static boolean has(List<DoorTask> existing, DoorTaskKind kind, DoorTaskState state) {
        return existing.stream().anyMatch(t -> t.kind() == kind && t.state() == state);
    }

    // ---- running ----

    /** Runs every task that is due now, earliest first; for the scheduler and after booking changes. */
    int runDue() {
        Instant now = clock.instant();
        List<DoorTask> due = new ArrayList<>(tx.run(() -> tasks.due(now)));
        due.sort(Comparator.comparing(DoorTask::dueAt).thenComparing(t -> t.kind().order()).thenComparing(DoorTask::id));
        int ran = 0;
        for (DoorTask task : due) {
            try {
                if (run(task, now)) {
                    ran++;
                }
            } catch (RuntimeException e) {
                // One broken task must not hold up the others; its lease runs out and it is tried again.
                LOG.error("Door task {} ({}) of booking {} failed", task.id(), task.kind(), task.bookingId(), e);
            }
        }
        return ran;
    }

    private boolean run(DoorTask task, Instant now) {
        if (tx.run(() -> tasks.claim(task.id(), task.attempts(), now, now.plus(config.lease()))) != 1) {
            return false;
        }
        int attempt = task.attempts() + 1;
        Optional<BookingDoor> booking = bookings.door(task.bookingId());
        Optional<String> moot = task.kind().closing() ? Optional.empty() : moot(task, booking, now);
        if (moot.isPresent()) {
            tx.run(() -> tasks.finish(task.id(), DoorTaskState.SKIPPED.name(), clock.instant(), moot.get()));
            LOG.info("Door task {} ({}) of booking {} skipped: {}", task.id(), task.kind(), task.bookingId(), moot.get());
            return true;
        }
        Optional<String> failure;
        try {
            failure = perform(task, booking);
        } catch (RuntimeException e) {
            failure = Optional.of("the adapter failed: " + e.getMessage());
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
        String error = clip("Try " + attempt + ": " + failure.get());
        // Someone stands at a door that did not open on check-in: staff hear of it at once, not minutes later.
        int lastAttempt = task.kind() == DoorTaskKind.UNLOCK ? 1 : config.maxAttempts();
        if (attempt >= lastAttempt) {
            if (tx.run(() -> tasks.finish(task.id(), DoorTaskState.FAILED.name(), after, error)) == 1) {
                LOG.warn("Door task {} ({}) of booking {} FAILED after {} tries: {}", task.id(), task.kind(), task.bookingId(),
                        attempt, failure.get());
                alerts.raise(rooms.get(task.roomId()), task.bookingId(), alertText(task, attempt, failure.get()));
            }
        } else {
            tx.run(() -> tasks.failedOnce(task.id(), error, after.plus(backoff(attempt))));
            LOG.info("Door task {} ({}) of booking {}: try {} failed: {}", task.id(), task.kind(), task.bookingId(), attempt,
                    failure.get());
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

    /** Drives the hardware; an empty answer is success, otherwise why it failed. */
    private Optional<String> perform(DoorTask task, Optional<BookingDoor> booking) {
        return switch (task.kind()) {
            case SET_CODE -> {
                BookingDoor b = booking.orElseThrow();
                OptionalInt slot = slotFor(task);
                if (slot.isEmpty()) {
                    yield Optional.of("every code slot 1-" + config.codeSlots() + " of the lock holds a live code"
                            + " (raise suoja.doors.code-slots if the lock has more)");
                }
                yield failure(locks.setCode(new CodeGrant(new LockId(task.lockId()), new CodeSlot(slot.getAsInt()),
                        "booking " + b.bookingId(), new DoorCode(b.doorCode()), b.doorCodeFrom(), b.endsAt())));
            }
            case REVOKE_CODE -> {
                // Read again: the code may have been given its slot since this task was read.
                Integer slot = tx.run(() -> tasks.findById(task.id()).map(DoorTask::slot).orElse(null));
                yield slot == null ? Optional.empty() // no code was ever set: nothing to take out
                        : failure(locks.revokeCode(new LockId(task.lockId()), new CodeSlot(slot)));
            }
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
        Integer slot = tx.run(() -> tasks.findById(set.id()).map(DoorTask::slot).orElse(null));
        if (over && revoked && slot != null) {
            LOG.info("Booking {} ended while its code was being set: revoking it again", set.bookingId());
            failure(locks.revokeCode(new LockId(set.lockId()), new CodeSlot(slot)))
                    .ifPresent(why -> alerts.raise(rooms.get(set.roomId()), set.bookingId(),
                            "The door code of a cancelled booking may still open the door of this room: " + why));
        }
    }

    private static Optional<String> failure(LockResult result) {
        if (result instanceof LockResult.Refused refused) {
            return Optional.of("the lock refused: " + refused.reason());
        }
        if (result instanceof LockResult.NoAnswer none) {
            return Optional.of("the lock did not answer: " + none.reason());
        }
        return Optional.empty();
    }

    private static Optional<String> failure(SignResult result) {
        if (result instanceof SignResult.NotShown notShown) {
            return Optional.of("the sign was not reached: " + notShown.reason());
        }
        return Optional.empty();
    }

    private static String alertText(DoorTask task, int attempts, String why) {
        String what = switch (task.kind()) {
            case SET_CODE -> "The door lock did not take the door code of a booking. Let the person in from the staff desk.";
            case REVOKE_CODE -> "The door lock did not delete the door code of a booking that has ended. The code may still open the door.";
            case UNLOCK -> "The door did not open on check-in. Let the person in from the staff desk.";
            case SIGN_BUSY, SIGN_ENDING_SOON, SIGN_FREE -> "The room sign could not be changed. It may show the wrong state.";
        };
        return what + " (" + attempts + " tries; " + why + ")";
    }

    /** The wait after try {@code attempt}: doubled each time from the first, ±20 % jitter, never above the ceiling. */
    Duration backoff(int attempt) {
        long first = config.retryFirst().toMillis();
        long ceiling = config.retryCeiling().toMillis();
        long base = attempt >= 31 ? ceiling : Math.min(ceiling, first << (attempt - 1));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.min(ceiling, Math.round(base * jitter)));
    }

    /** The booking's tasks, for staff and tests. */
    List<DoorTask> ofBooking(long bookingId) {
        return tx.run(() -> tasks.findByBookingIdOrderById(bookingId));
    }

    private static String clip(String text) {
        return text.length() > DoorTask.ERROR_MAX ? text.substring(0, DoorTask.ERROR_MAX) : text;
    }

    private static List<String> names(DoorTaskKind... kinds) {
        return Stream.of(kinds).map(Enum::name).toList();
    }
}
