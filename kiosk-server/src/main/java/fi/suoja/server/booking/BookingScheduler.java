package fi.suoja.server.booking;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link BookingJobs} inside the server, so no cron job has to be set up. Off in tests, which call the jobs directly. */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class BookingScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(BookingScheduler.class);

    private final BookingJobs jobs;

    BookingScheduler(BookingJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.booking-interval:30s}", initialDelay = "5s")
    void bookingTimes() {
        try {
            jobs.releaseNoShows();
            jobs.completeEnded();
        } catch (RuntimeException e) {
            // Logged and tried again on the next run; the jobs pick up everything still overdue.
            LOG.error("Booking job failed; will try again", e);
        }
    }

    @Scheduled(fixedDelay = "${suoja.jobs.retention-interval:1h}", initialDelay = "1m")
    void retention() {
        try {
            jobs.anonymiseOld();
        } catch (RuntimeException e) {
            LOG.error("Retention job failed; will try again", e);
        }
    }
}
