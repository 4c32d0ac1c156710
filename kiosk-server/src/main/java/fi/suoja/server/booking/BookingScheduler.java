package fi.suoja.server.booking;

import fi.suoja.server.work.ScheduledJob;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;

/** When the server runs {@link BookingJobs} by itself. */
@Factory
class BookingScheduler {

    @Singleton
    @Named("booking-times")
    ScheduledJob bookingTimes(BookingJobs jobs, @Value("${suoja.jobs.booking-interval:30s}") Duration every) {
        return new ScheduledJob("Booking job", every, Duration.ofSeconds(5), () -> {
            jobs.releaseNoShows();
            jobs.completeEnded();
        });
    }

    @Singleton
    @Named("retention")
    ScheduledJob retention(BookingJobs jobs, @Value("${suoja.jobs.retention-interval:1h}") Duration every) {
        return new ScheduledJob("Retention job", every, Duration.ofMinutes(1), jobs::anonymiseOld);
    }
}
