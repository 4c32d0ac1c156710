package fi.suoja.server;

import fi.suoja.hardware.TempDirs;
import fi.suoja.server.broker.HiveBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real MQTT broker (embedded HiveMQ) of one test class's own, on a free port and in a folder of
 * its own, for tests that stop it and start it again without touching the {@link TestBroker} that
 * every other test shares. Started when made.
 */
public final class OwnBroker implements AutoCloseable {

    private final int port = TestBroker.freePort();
    private final Path dir;
    private final String purpose;
    private HiveBroker running;

    /** {@code purpose} names the broker in the error if its port cannot be used. */
    public OwnBroker(String purpose) {
        this.purpose = purpose;
        try {
            this.dir = TempDirs.create("suoja-own-broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts it again on the same port, after {@link #stop}. */
    public void start() {
        running = HiveBroker.start("127.0.0.1", port, dir, false, purpose);
    }

    public void stop() {
        running.close();
        running = null;
    }

    /** Stops it if it runs, and removes its folder. */
    @Override
    public void close() {
        if (running != null) {
            stop();
        }
        TempDirs.delete(dir);
    }
}
