package fi.suoja.bench.footprint;

import fi.suoja.bench.scene.Pause;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One measured process: the instant just before it was started (the zero of its start time), its
 * memory read from outside ({@code /proc}, and the JDK's own {@code jcmd}/{@code jstat} of the JDK
 * it runs on), and its stop by SIGTERM as systemd stops a unit.
 */
final class Launched implements AutoCloseable {

    /** How often readiness is asked: short against starts of 0.1–10 s, cheap for a refused connection. */
    private static final long POLL_MILLIS = 10;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Process process;
    final long startNanos;
    final Instant startWall;
    final Path log;
    private final Path javaHome;

    private Launched(String name, Process process, long startNanos, Instant startWall, Path log, Path javaHome) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.startWall = startWall;
        this.log = log;
        this.javaHome = javaHome;
    }

    /** Starts {@code command} in {@code workDir} with only these {@code SUOJA_*} settings; output to {@code workDir/name.log}. */
    static Launched start(String name, List<String> command, Map<String, String> env, Path workDir, Path javaHome) {
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SUOJA_"));
            builder.environment().putAll(env);
            Instant wall = Instant.now();
            long nanos = System.nanoTime();
            Launched started = new Launched(name, builder.start(), nanos, wall, log, javaHome);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    double millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Milliseconds from the start until {@code url} answers 200. */
    double awaitOk(URI url, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; its log " + log + " ends:\n" + tail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return millisSinceStart();
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(POLL_MILLIS);
        }
        throw new IllegalStateException(name + " did not answer 200 at " + url + " within " + limit + "; its log ends:\n" + tail());
    }

    /** Milliseconds from the start until the process ended by itself, which must be with exit code 0. */
    double awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not end within " + limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double millis = millisSinceStart();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " ended with " + process.exitValue() + "; its log:\n" + tail());
        }
        return millis;
    }

    /** Resident set size from {@code /proc/<pid>/status}, MiB. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + ": no /proc status", e);
        }
        throw new IllegalStateException(name + ": no VmRSS");
    }

    /** Heap and metaspace in use after a full collection ({@code jcmd GC.run}, then {@code jstat -gc}), MiB. */
    Heap heapAfterGc() {
        run(List.of(tool("jcmd"), Long.toString(pid()), "GC.run"));
        List<String> lines = run(List.of(tool("jstat"), "-gc", Long.toString(pid())));
        String[] header = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        double heap = 0;
        double meta = 0;
        for (int i = 0; i < header.length; i++) {
            switch (header[i]) {
                case "S0U", "S1U", "EU", "OU" -> heap += Double.parseDouble(values[i]);
                case "MU" -> meta = Double.parseDouble(values[i]);
                default -> {
                }
            }
        }
        return new Heap(heap / 1024, meta / 1024);
    }

    record Heap(double usedMiB, double metaspaceMiB) {
    }

    /** Sends SIGTERM (as systemd stops a unit) and returns the milliseconds until the process has ended. */
    double stop() {
        long asked = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - asked) / 1e6;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String tool(String name) {
        return javaHome.resolve("bin").resolve(name).toString();
    }

    private static List<String> run(List<String> command) {
        try {
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>(new String(tool.getInputStream().readAllBytes()).lines().toList());
            if (tool.waitFor() != 0 || lines.size() < 2 && command.contains("-gc")) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + lines);
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
