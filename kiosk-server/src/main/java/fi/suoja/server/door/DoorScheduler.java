package fi.suoja.server.door;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the due door tasks inside the server, so no cron job has to be set up; the first run after
 * a start catches up with what fell due while the server was down. Off in tests, which call
 * {@link DoorTasks#runDue()} directly.
 */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class DoorScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DoorScheduler.class);

    private final DoorWorker worker;
    private final DoorTasks tasks;

    DoorScheduler(DoorWorker worker, DoorTasks tasks) {
        this.worker = worker;
        this.tasks = tasks;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.door-interval:5s}", initialDelay = "5s")
    void doorWork() {
        worker.runSoon();
    }

    @Scheduled(fixedDelay = "${suoja.jobs.door-reconcile-interval:5m}", initialDelay = "20s")
    void reconcile() {
        try {
            if (tasks.reconcile() > 0) {
                worker.runSoon();
            }
        } catch (RuntimeException e) {
            LOG.error("Checking the door tasks against the bookings failed; will try again", e);
        }
    }
}
