package fi.suoja.bench.scene;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the benchmark's own (the machine's {@code /usr/sbin/mosquitto}) on a free port:
 * like the machine's {@code /etc/mosquitto/mosquitto.conf} (anonymous, Mosquitto's default limits)
 * but without persistence, so that nothing of a run outlives it and the shared broker at :1883,
 * which other people's tests use at the same time, neither disturbs the measurement nor is disturbed.
 */
public record Mosquitto(Process process, String url, Path log) implements AutoCloseable {

    public static Mosquitto start(Path workDir) {
        int port = JavaProcess.freePort();
        Path conf = workDir.resolve("mosquitto.conf");
        Path log = workDir.resolve("mosquitto.log");
        try {
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "log_dest stdout",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    ""));
            Process process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Mosquitto broker = new Mosquitto(process, "tcp://127.0.0.1:" + port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto stopped while starting; see " + log);
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return broker;
                } catch (IOException notYet) {
                    Pause.millis(50);
                }
            }
            broker.close();
            throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start mosquitto (is /usr/sbin/mosquitto installed?)", e);
        }
    }

    /** Mosquitto's first line of {@code -h}: its version. */
    public static String version() {
        try {
            Process help = new ProcessBuilder("mosquitto", "-h").redirectErrorStream(true).start();
            String first = new String(help.getInputStream().readAllBytes()).lines().findFirst().orElse("mosquitto");
            help.waitFor(5, TimeUnit.SECONDS);
            return first.strip();
        } catch (IOException e) {
            return "mosquitto (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "mosquitto (version unknown)";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
