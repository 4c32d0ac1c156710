package fi.suoja.bench.booking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seconds the server's JIT compilers have worked so far, from its HotSpot performance counters
 * ({@code jcmd <pid> PerfCounter.print}: {@code java.ci.totalTime} in ticks of {@code sun.os.hrt.frequency}).
 * The warm-up goes on until they have little left to do, so a level measures the compiled server
 * and not its compilers.
 */
final class JitTime {

    private static final Pattern TOTAL = Pattern.compile("(?m)^java\\.ci\\.totalTime=(\\d+)");
    private static final Pattern FREQUENCY = Pattern.compile("(?m)^sun\\.os\\.hrt\\.frequency=(\\d+)");

    private JitTime() {
    }

    static double seconds(long pid) {
        String counters = jcmd(pid);
        Matcher total = TOTAL.matcher(counters);
        Matcher frequency = FREQUENCY.matcher(counters);
        if (!total.find() || !frequency.find()) {
            throw new IllegalStateException("the performance counters of " + pid + " have no JIT time: " + counters.lines().limit(3).toList());
        }
        return Long.parseLong(total.group(1)) / (double) Long.parseLong(frequency.group(1));
    }

    private static String jcmd(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "PerfCounter.print")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " PerfCounter.print failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
