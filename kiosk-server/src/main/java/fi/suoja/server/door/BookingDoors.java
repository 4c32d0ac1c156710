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

    private final DoorTasks tasks;
    private final DoorWorker worker;

    BookingDoors(DoorTasks tasks, DoorWorker worker) {
        this.tasks = tasks;
        this.worker = worker;
    }

    @EventListener
    void onCreated(BookingCreated event) {
        tasks.planBooking(event.bookingId());
        worker.runSoon();
    }

    @EventListener
    void onCheckedIn(BookingCheckedIn event) {
        tasks.checkedIn(event.bookingId(), event.roomId(), event.at());
        worker.runSoon();
    }

    @EventListener
    void onEnded(BookingEnded event) {
        tasks.ended(event.bookingId(), event.at());
        worker.runSoon();
    }

    @EventListener
    void onExtended(BookingExtended event) {
        tasks.extended(event.bookingId(), event.endsAt());
        worker.runSoon();
    }
}
