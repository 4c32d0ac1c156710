package fi.suoja.bench.scene;

import java.io.IOException;
import java.net.ServerSocket;
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
 * One of Suoja's jars run as a child process, exactly as an installation runs it ({@code java -jar}),
 * with its output in a log file in its own working directory. Stopping it twice is harmless.
 */
public record JavaProcess(String name, Process process, Path log) implements AutoCloseable {

    /** Starts {@code java <jvmArgs> -jar jar} in {@code workDir} with these extra environment variables. */
    public static JavaProcess start(String name, Path jar, List<String> jvmArgs, Map<String, String> env, Path workDir) {
        return start(name, jar, jvmArgs, List.of(), env, workDir);
    }

    /** Starts {@code java <jvmArgs> -jar jar <programArgs>} in {@code workDir} with these extra environment variables. */
    public static JavaProcess start(String name, Path jar, List<String> jvmArgs, List<String> programArgs, Map<String, String> env,
                                    Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar.toAbsolutePath() + " is missing; the run script builds it");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(programArgs);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SUOJA_"));
        builder.environment().putAll(env);
        try {
            JavaProcess started = new JavaProcess(name, builder.start(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    /** Waits until {@code url} answers 200, or fails with the end of the log. */
    public JavaProcess awaitOk(URI url, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; its log " + log + " ends:\n" + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(250);
        }
        close();
        throw new IllegalStateException(name + " did not answer 200 at " + url + " within " + limit + "; its log ends:\n" + tail());
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
