package fi.suoja.agent.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one command without a shell, with a time limit, and checks its exit code. */
final class ProcessRunner {

    /** What a finished command said; output is cut short, it is only for messages. */
    record Outcome(int exitCode, String output) {
    }

    private final Duration timeout;

    ProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    Outcome run(List<String> command) throws SessionException {
        Path output = null;
        Process process = null;
        try {
            // Output goes to a file, so a talkative command cannot block on a full pipe while we wait.
            output = Files.createTempFile("suoja-session-", ".out");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SessionException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Outcome(process.exitValue(), firstBytes(output));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SessionException(command.get(0) + " was interrupted", e);
        } catch (IOException e) {
            throw new SessionException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless and the OS cleans it
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String firstBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        }
    }

    void runChecked(List<String> command) throws SessionException {
        Outcome outcome = run(command);
        if (outcome.exitCode() != 0) {
            throw new SessionException(String.join(" ", command) + " failed with exit code " + outcome.exitCode()
                    + (outcome.output().isEmpty() ? "" : ": " + outcome.output()));
        }
    }
}
