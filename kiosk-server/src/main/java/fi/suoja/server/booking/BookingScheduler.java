package fi.suoja.server.booking;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import fi.suoja.server.work.ScheduledJobs;

/** Runs {@link BookingJobs} inside the server, so no cron job has to be set up. Off in tests, which call the jobs directly. */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class BookingScheduler {

    private final BookingJobs jobs;

    BookingScheduler(BookingJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.booking-interval:30s}", initialDelay = "5s")
    void bookingTimes() {
        ScheduledJobs.run("Booking job", () -> {
            jobs.releaseNoShows();
            jobs.completeEnded();
        });
    }

    @Scheduled(fixedDelay = "${suoja.jobs.retention-interval:1h}", initialDelay = "1m")
    void retention() {
        ScheduledJobs.run("Retention job", jobs::anonymiseOld);
    }
}
