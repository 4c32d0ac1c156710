package fi.suoja.server.help;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import fi.suoja.server.work.ScheduledJobs;

/** Closes stale help calls inside the server, so no cron job has to be set up. Off in tests, which call the job directly. */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class HelpScheduler {

    private final HelpCallService help;

    HelpScheduler(HelpCallService help) {
        this.help = help;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.help-interval:1m}", initialDelay = "30s")
    void expireStale() {
        ScheduledJobs.run("Closing stale help calls", help::expireStale);
    }
}
