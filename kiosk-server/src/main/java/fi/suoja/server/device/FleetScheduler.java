package fi.suoja.server.device;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import fi.suoja.server.work.ScheduledJobs;

/** Runs the fleet's due work inside the server: wipe tries and time-outs, loans to end, end-of-loan warnings. Off in tests, which call it directly. */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class FleetScheduler {

    private final WipeJobs wipes;
    private final Loans loans;

    FleetScheduler(WipeJobs wipes, Loans loans) {
        this.wipes = wipes;
        this.loans = loans;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.fleet-interval:15s}", initialDelay = "10s")
    void fleetWork() {
        ScheduledJobs.run("Fleet job", () -> {
            loans.sweepLoans();
            loans.warnEndingLoans();
            wipes.runDue();
        });
    }
}
