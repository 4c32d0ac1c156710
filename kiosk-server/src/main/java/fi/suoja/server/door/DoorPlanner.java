package fi.suoja.server.door;

import fi.suoja.server.booking.BookingDoor;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.db.Tx;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Plans the door tasks of bookings from their events. A booking plans its tasks when it is made:
 * its keypad code is set when its window opens (start minus the site's lead) and revoked exactly at
 * its end; its sign turns BUSY at its start, ENDING_SOON a few minutes before its end and FREE at
 * its end. Check-in opens a door without a keypad. Cancelling, ending early and no-show release
 * bring the revoke and FREE forward to that instant and drop what has become moot; an extension
 * moves them to the new end.
 */
@Singleton
class DoorPlanner {

    private static final List<String> CLOSING = names(DoorTaskKind.REVOKE_CODE, DoorTaskKind.SIGN_FREE);
    private static final List<String> STARTING = names(DoorTaskKind.SET_CODE, DoorTaskKind.UNLOCK, DoorTaskKind.SIGN_BUSY,
            DoorTaskKind.SIGN_ENDING_SOON);

    private final DoorTaskRepository tasks;
    private final BookingService bookings;
    private final RoomService rooms;
    private final Tx tx;
    private final DoorConfig config;
    private final Clock clock;

    DoorPlanner(DoorTaskRepository tasks, BookingService bookings, RoomService rooms, Tx tx, DoorConfig config, Clock clock) {
        this.tasks = tasks;
        this.bookings = bookings;
        this.rooms = rooms;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    /** Plans a booking's tasks in the transaction that is making it. */
    void planNew(BookingDoor booking, Room room) {
        if (booking.status().holdsRoom() && hasHardware(room)) {
            DoorTask.INSERT.insertBeforeCommit(tx, plan(booking, room, clock.instant()));
        }
    }

    /** Plans the tasks of a booking that has none (the reconcile sweep); one that has tasks already is left alone. */
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

    /** Whether a booking of this room has door work: a keypad code to set or a sign to change. */
    static boolean hasHardware(Room room) {
        return room.roomSignId() != null || (room.doorLockId() != null && room.keypad());
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

    private static boolean has(List<DoorTask> existing, DoorTaskKind kind, DoorTaskState state) {
        return existing.stream().anyMatch(t -> t.kind() == kind && t.state() == state);
    }

    private static List<String> names(DoorTaskKind... kinds) {
        return Stream.of(kinds).map(Enum::name).toList();
    }
}
