package fi.suoja.server.door;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs the due door tasks inside the server, so no cron job has to be set up; the first run after
 * a start catches up with what fell due while the server was down. Off in tests, which call
 * {@link DoorTasks#runDue()} directly.
 */
@Singleton
@Requires(property = "suoja.jobs.enabled", notEquals = "false")
class DoorScheduler {

    private final DoorWorker worker;

    DoorScheduler(DoorWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelay = "${suoja.jobs.door-interval:5s}", initialDelay = "5s")
    void doorWork() {
        worker.runSoon();
    }
}
