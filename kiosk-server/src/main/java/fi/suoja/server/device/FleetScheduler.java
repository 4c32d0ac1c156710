package fi.suoja.server.device;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the fleet's due work inside the server: wipe tries and time-outs, loans to end, end-of-loan warnings. Off in tests, which call it directly. */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class FleetScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(FleetScheduler.class);

    private final WipeJobs wipes;
    private final FleetService fleet;

    FleetScheduler(WipeJobs wipes, FleetService fleet) {
        this.wipes = wipes;
        this.fleet = fleet;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.fleet-interval:15s}", initialDelay = "10s")
    void fleetWork() {
        try {
            fleet.sweepLoans();
            fleet.warnEndingLoans();
            wipes.runDue();
        } catch (RuntimeException e) {
            // Logged and tried again on the next run; the work is found again in the database.
            LOG.error("Fleet job failed; will try again", e);
        }
    }
}
