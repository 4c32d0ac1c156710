package fi.suoja.hardware.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connects an MQTT client again after it lost its broker: one attempt at a time on a thread of its
 * own, the next after a {@link Backoff} (1 s doubling up to 30 s, with jitter), until one succeeds
 * or the owner closes it. The server's link and the door adapters' connection share it; the agent's
 * loop retries in its own rhythm.
 */
public final class Reconnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    /** One connection attempt; throws when it failed, so that the next waits for the back-off. */
    @FunctionalInterface
    public interface Attempt {
        void connect() throws BrokerException;
    }

    private final String what;
    private final Attempt attempt;
    private final ScheduledExecutorService thread;
    /** Used only on {@link #thread}. */
    private final Backoff backoff;
    private volatile boolean closed;

    /** @param what for the log, e.g. "the MQTT broker at tcp://…:1883 as suoja-server" */
    public Reconnector(String what, Attempt attempt) {
        this(what, attempt, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random()));
    }

    public Reconnector(String what, Attempt attempt, Backoff backoff) {
        this.what = what;
        this.attempt = attempt;
        this.backoff = backoff;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread connecting = new Thread(r, "mqtt-connect");
            connecting.setDaemon(true);
            return connecting;
        });
    }

    /** Tries now, and after each failure again until one attempt succeeds. */
    public void connectNow() {
        run(this::tryOnce);
    }

    /** The connection was lost: tries again after the back-off. */
    public void connectionLost() {
        run(() -> schedule(backoff.next()));
    }

    private void tryOnce() {
        if (closed) {
            return;
        }
        try {
            attempt.connect();
            backoff.reset();
        } catch (BrokerException | RuntimeException e) {
            Duration wait = backoff.next();
            log.warn("Cannot connect to {}: {}. Trying again in {} ms.", what, e.getMessage(), wait.toMillis());
            schedule(wait);
        }
    }

    private void schedule(Duration wait) {
        if (closed) {
            return;
        }
        try {
            thread.schedule(this::tryOnce, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Closed; not connecting to {} again", what);
        }
    }

    private void run(Runnable task) {
        if (closed) {
            return;
        }
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Closed; not connecting to {} again", what);
        }
    }

    /** No further attempts; one running now is interrupted. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
    }
}
