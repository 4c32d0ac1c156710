package fi.suoja.server.door;

import fi.suoja.server.booking.BookingDoor;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.db.Tx;
import fi.suoja.server.room.RoomService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes up for booking events this server never handled (it stopped between a booking's commit
 * and its event): checks the door tasks against the bookings, as the scheduler asks every
 * {@code suoja.jobs.door-reconcile-interval}.
 */
@Singleton
class DoorReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DoorReconciler.class);
    private static final int BATCH = 500;

    private final DoorTaskRepository tasks;
    private final DoorPlanner planner;
    private final BookingService bookings;
    private final RoomService rooms;
    private final Tx tx;
    private final Clock clock;

    DoorReconciler(DoorTaskRepository tasks, DoorPlanner planner, BookingService bookings, RoomService rooms, Tx tx,
                   Clock clock) {
        this.tasks = tasks;
        this.planner = planner;
        this.bookings = bookings;
        this.rooms = rooms;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Plans bookings that hold a room and have no tasks, brings forward the closing tasks of
     * bookings that no longer hold their room, and follows ends that moved. Returns how many
     * bookings it put right.
     */
    int reconcile() {
        Instant now = clock.instant();
        int fixed = 0;
        // One read of every booking that holds a room; each closing task is checked against it, and
        // only a booking missing from it (ended, or written after the read) is read on its own.
        List<BookingDoor> holding = bookings.holdingRooms(now);
        Map<Long, BookingDoor> holdingById = new HashMap<>();
        holding.forEach(booking -> holdingById.put(booking.bookingId(), booking));
        Set<Long> seen = new HashSet<>();
        for (DoorTask closing : tx.run(() -> tasks.closingLater(now))) {
            if (!seen.add(closing.bookingId())) {
                continue;
            }
            Optional<BookingDoor> booking = Optional.ofNullable(holdingById.get(closing.bookingId()))
                    .or(() -> bookings.door(closing.bookingId()));
            if (booking.isEmpty() || !booking.get().status().holdsRoom()) {
                planner.ended(closing.bookingId(), now);
                fixed++;
            } else if (!booking.get().endsAt().equals(closing.dueAt())) {
                planner.extended(closing.bookingId(), booking.get().endsAt());
                fixed++;
            }
        }
        Map<Long, Boolean> roomHasHardware = new HashMap<>();
        for (int from = 0; from < holding.size(); from += BATCH) {
            List<BookingDoor> batch = holding.subList(from, Math.min(holding.size(), from + BATCH));
            Set<Long> planned = new HashSet<>(tx.run(() -> tasks.plannedAmong(batch.stream().map(BookingDoor::bookingId).toList())));
            for (BookingDoor booking : batch) {
                if (!planned.contains(booking.bookingId()) && roomHasHardware.computeIfAbsent(booking.roomId(),
                        room -> DoorPlanner.hasHardware(rooms.get(room)))) {
                    planner.planBooking(booking.bookingId());
                    fixed++;
                }
            }
        }
        if (fixed > 0) {
            LOG.warn("Door tasks of {} bookings were out of step with the bookings and were put right", fixed);
        }
        return fixed;
    }
}
