package fi.suoja.server.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server's scheduled jobs. A job looks for all its work in the database, so a failed run
 * is logged and the next run picks up what it left; a failure never stops the schedule.
 */
public final class ScheduledJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private ScheduledJobs() {
    }

    /** Runs {@code job}; {@code what} names it in the log line of a failure ("Closing stale help calls"). */
    public static void run(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed; will try again", what, e);
        }
    }
}
