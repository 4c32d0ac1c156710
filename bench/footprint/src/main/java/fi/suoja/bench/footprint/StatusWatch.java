package fi.suoja.bench.footprint;

import fi.suoja.bench.scene.JavaProcess;
import fi.suoja.bench.scene.Pause;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the run's own (the machine's binary, anonymous, no persistence, a free port) and a
 * {@code mosquitto_sub} on every device's status topic that notes when each status reached it
 * ({@code %U}, the subscriber's own clock at receipt). An agent counts as started when its first
 * retained status after its process start has come through the broker: it has connected,
 * subscribed and published, which is what the server waits for.
 */
final class StatusWatch implements AutoCloseable {

    private record Seen(Instant at, String topic) {
    }

    private final Process broker;
    private final Process subscriber;
    private final int port;
    private final List<Seen> seen = new ArrayList<>();

    private StatusWatch(Process broker, Process subscriber, int port) {
        this.broker = broker;
        this.subscriber = subscriber;
        this.port = port;
    }

    static StatusWatch start(Path workDir) throws IOException {
        int port = JavaProcess.freePort();
        Path conf = workDir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "log_dest stdout\nlog_type error\nlog_type warning\n");
        Process broker = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("mosquitto.log").toFile()).start();
        Process subscriber = null;
        for (int i = 0; i < 500 && subscriber == null; i++) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("mosquitto stopped; see " + workDir.resolve("mosquitto.log"));
            }
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                // stdbuf: one line per message through the pipe, not a block at a time
                subscriber = new ProcessBuilder("stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                        "-q", "1", "-t", "suoja/v1/devices/+/status", "-F", "%U %t").redirectError(workDir.resolve("mosquitto_sub.log").toFile()).start();
            } catch (IOException notYet) {
                Pause.millis(10);
            }
        }
        if (subscriber == null) {
            broker.destroy();
            throw new IllegalStateException("mosquitto did not listen on " + port);
        }
        StatusWatch watch = new StatusWatch(broker, subscriber, port);
        Runtime.getRuntime().addShutdownHook(new Thread(watch::close));
        Thread reader = new Thread(watch::read, "status-watch");
        reader.setDaemon(true);
        reader.start();
        watch.awaitSubscribed();
        return watch;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The instant the first status of {@code deviceId} sent at or after {@code after} reached the subscriber. */
    Instant awaitStatus(String deviceId, Instant after, Duration limit, Launched agent) {
        String topic = "/devices/" + deviceId + "/status";
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (seen) {
                for (Seen s : seen) {
                    if (s.topic.endsWith(topic) && !s.at.isBefore(after)) {
                        return s.at;
                    }
                }
            }
            if (agent != null && !agent.process.isAlive()) {
                throw new IllegalStateException(agent.name + " stopped while starting; its log " + agent.log + " ends:\n" + agent.tail());
            }
            Pause.millis(5);
        }
        throw new IllegalStateException("no status of " + deviceId + " within " + limit
                + (agent == null ? "" : "; its log " + agent.log + " ends:\n" + agent.tail()));
    }

    /** A status published by hand must come through before the watch is trusted. */
    private void awaitSubscribed() throws IOException {
        Instant before = Instant.now();
        for (int i = 0; i < 100; i++) {
            Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-t", "suoja/v1/devices/watch-probe/status", "-m", "probe").redirectErrorStream(true).start();
            try {
                pub.waitFor(10, TimeUnit.SECONDS);
                awaitStatus("watch-probe", before, Duration.ofMillis(200), null);
                return;
            } catch (IllegalStateException notYet) {
                // the subscription was not in place yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("mosquitto_sub never saw a status");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                BigDecimal seconds = new BigDecimal(line.substring(0, space));
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                synchronized (seen) {
                    seen.add(new Seen(Instant.ofEpochSecond(whole, nanos), line.substring(space + 1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("status watch: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        subscriber.destroy();
        broker.destroy();
        try {
            subscriber.waitFor(10, TimeUnit.SECONDS);
            broker.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
