package fi.suoja.server.help;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes stale help calls inside the server, so no cron job has to be set up. Off in tests, which call the job directly. */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class HelpScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(HelpScheduler.class);

    private final HelpCallService help;

    HelpScheduler(HelpCallService help) {
        this.help = help;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.help-interval:1m}", initialDelay = "30s")
    void expireStale() {
        try {
            help.expireStale();
        } catch (RuntimeException e) {
            // tried again on the next run, which looks at every open call
            LOG.error("Closing stale help calls failed; will try again", e);
        }
    }
}
