package fi.suoja.server.door;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import fi.suoja.server.work.ScheduledJobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the due door tasks on one thread of its own: lock commands block for up to attempts ×
 * answer timeout, which must hold up neither a citizen's request nor the other schedules, and a
 * lock answers one command at a time. A booking change asks for a run at once; the scheduler asks
 * regularly. Requests that come while a run is waiting are one run. Made at start, with the
 * adapters, so a misconfigured broker stops the start instead of the first booking's doors.
 */
@Context
class DoorWorker {

    private final DoorTaskRunner tasks;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "suoja-doors"));
    private final AtomicBoolean queued = new AtomicBoolean();

    DoorWorker(DoorTaskRunner tasks) {
        this.tasks = tasks;
    }

    void runSoon() {
        if (thread.isShutdown() || !queued.compareAndSet(false, true)) {
            return;
        }
        thread.execute(() -> {
            queued.set(false);
            // The tasks stay in the database and are found again on the next run.
            ScheduledJobs.run("Running the door tasks", tasks::runDue);
        });
    }

    /** Waits until the runs asked for so far are done (the thread runs them in order); for tests that drive the tasks themselves. */
    void awaitRunsAskedFor() throws Exception {
        thread.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
