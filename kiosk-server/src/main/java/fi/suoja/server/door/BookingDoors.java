package fi.suoja.server.door;

import fi.suoja.server.booking.BookingCheckedIn;
import fi.suoja.server.booking.BookingCreated;
import fi.suoja.server.booking.BookingEnded;
import fi.suoja.server.booking.BookingExtended;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Turns the booking lifecycle into door and sign tasks, and runs what fell due at once (a
 * cancellation revokes the code now, a check-in opens the door now). The events come after the
 * booking's change is committed; the bookings know nothing of doors.
 */
@Singleton
class BookingDoors {

    private final DoorPlanner planner;
    private final DoorWorker worker;

    BookingDoors(DoorPlanner planner, DoorWorker worker) {
        this.planner = planner;
        this.worker = worker;
    }

    @EventListener
    void onCreated(BookingCreated event) {
        planner.planBooking(event.bookingId());
        worker.runSoon();
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
