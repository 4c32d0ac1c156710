package fi.suoja.server.device;

import fi.suoja.server.booking.BookingEnded;
import fi.suoja.server.booking.BookingExtended;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a booking ends, is ended early or is cancelled, its loans end and their devices' wipes
 * start; when it is extended, its loans are extended.
 */
@Singleton
class BookingLoans implements ApplicationEventListener<BookingEnded> {

    private static final Logger LOG = LoggerFactory.getLogger(BookingLoans.class);

    private final Loans loans;

    BookingLoans(Loans loans) {
        this.loans = loans;
    }

    @Override
    public void onApplicationEvent(BookingEnded event) {
        int ended = loans.bookingEnded(event.bookingId());
        if (ended > 0) {
            LOG.info("Booking {} is {}: ended {} loans", event.bookingId(), event.status(), ended);
        }
    }

    @EventListener
    void onExtended(BookingExtended event) {
        loans.bookingExtended(event.bookingId(), event.endsAt());
    }
}
