package fi.suoja.bench.booking;

import fi.suoja.bench.measure.Jcmd;

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
        String counters = Jcmd.run(pid, "PerfCounter.print");
        Matcher total = TOTAL.matcher(counters);
        Matcher frequency = FREQUENCY.matcher(counters);
        if (!total.find() || !frequency.find()) {
            throw new IllegalStateException("the performance counters of " + pid + " have no JIT time: " + counters.lines().limit(3).toList());
        }
        return Long.parseLong(total.group(1)) / (double) Long.parseLong(frequency.group(1));
    }
}
