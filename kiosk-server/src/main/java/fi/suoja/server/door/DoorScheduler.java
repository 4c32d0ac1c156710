package fi.suoja.server.door;

import fi.suoja.server.work.ScheduledJob;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The door jobs of the server: the due tasks regularly (the first run after a start catches up with
 * what fell due while the server was down), and now and then a check of the tasks against the
 * bookings. Tests call {@link DoorTaskRunner#runDue()} and {@link DoorReconciler#reconcile()} directly.
 */
@Factory
class DoorScheduler {

    @Singleton
    @Named("door-tasks")
    ScheduledJob doorWork(DoorWorker worker, @Value("${suoja.jobs.door-interval:5s}") Duration every) {
        return new ScheduledJob("Asking for the due door tasks", every, Duration.ofSeconds(5), worker::runSoon);
    }

    @Singleton
    @Named("door-reconcile")
    ScheduledJob reconcile(DoorWorker worker, DoorReconciler reconciler,
                           @Value("${suoja.jobs.door-reconcile-interval:5m}") Duration every) {
        return new ScheduledJob("Checking the door tasks against the bookings", every, Duration.ofSeconds(20), () -> {
            if (reconciler.reconcile() > 0) {
                worker.runSoon();
            }
        });
    }
}
