package fi.suoja.server.door;

import fi.suoja.server.booking.BookingCheckedIn;
import fi.suoja.server.booking.BookingCreated;
import fi.suoja.server.booking.BookingEnded;
import fi.suoja.server.booking.BookingExtended;
import fi.suoja.server.booking.BookingWritten;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Turns the booking lifecycle into door and sign tasks, and runs what fell due at once (a
 * cancellation revokes the code now, a check-in opens the door now). A new booking's tasks are
 * written in the booking's own transaction (one commit, never a booking without them); the other
 * events come after the booking's change is committed. The bookings know nothing of doors.
 */
@Singleton
class BookingDoors {

    private final DoorPlanner planner;
    private final DoorWorker worker;
    private final Clock clock;

    BookingDoors(DoorPlanner planner, DoorWorker worker, Clock clock) {
        this.planner = planner;
        this.worker = worker;
        this.clock = clock;
    }

    /** Inside the booking's transaction: its tasks commit with it. */
    @EventListener
    void onWritten(BookingWritten event) {
        planner.planNew(event.booking(), event.room());
    }

    /** A booking for now has a code to set and a sign to turn at once; a later one waits for the scheduler's run. */
    @EventListener
    void onCreated(BookingCreated event) {
        if (!event.firstDue().isAfter(clock.instant())) {
            worker.runSoon();
        }
    }

    @EventListener
    void onCheckedIn(BookingCheckedIn event) {
        planner.checkedIn(event.bookingId(), event.roomId(), event.at());
        worker.runSoon();
    }

    @EventListener
    void onEnded(BookingEnded event) {
        planner.ended(event.bookingId(), event.at());
        worker.runSoon();
    }

    @EventListener
    void onExtended(BookingExtended event) {
        planner.extended(event.bookingId(), event.endsAt());
        worker.runSoon();
    }
}
