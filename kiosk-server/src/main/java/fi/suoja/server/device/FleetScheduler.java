package fi.suoja.server.device;

import fi.suoja.server.work.ScheduledJob;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The fleet's due work, run by the server: wipe tries and time-outs, loans to end, end-of-loan warnings. */
@Factory
class FleetScheduler {

    @Singleton
    @Named("fleet")
    ScheduledJob fleetWork(WipeJobs wipes, Loans loans, @Value("${suoja.jobs.fleet-interval:15s}") Duration every) {
        return new ScheduledJob("Fleet job", every, Duration.ofSeconds(10), () -> {
            loans.sweepLoans();
            loans.warnEndingLoans();
            wipes.runDue();
        });
    }
}
