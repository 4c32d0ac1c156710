package fi.suoja.server.door;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import fi.suoja.server.work.ScheduledJobs;

/**
 * Runs the due door tasks inside the server, so no cron job has to be set up; the first run after
 * a start catches up with what fell due while the server was down. Off in tests, which call
 * {@link DoorTaskRunner#runDue()} and
 * {@link DoorReconciler#reconcile()} directly.
 */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class DoorScheduler {

    private final DoorWorker worker;
    private final DoorReconciler reconciler;

    DoorScheduler(DoorWorker worker, DoorReconciler reconciler) {
        this.worker = worker;
        this.reconciler = reconciler;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.door-interval:5s}", initialDelay = "5s")
    void doorWork() {
        worker.runSoon();
    }

    @Scheduled(fixedDelay = "${suoja.jobs.door-reconcile-interval:5m}", initialDelay = "20s")
    void reconcile() {
        ScheduledJobs.run("Checking the door tasks against the bookings", () -> {
            if (reconciler.reconcile() > 0) {
                worker.runSoon();
            }
        });
    }
}
