package fi.suoja.bench.kiosk;

import fi.suoja.bench.measure.ClockTicks;
import fi.suoja.bench.measure.Jcmd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one process uses, read from Linux's {@code /proc/<pid>} (so the figures are the kernel's, not
 * the JVM's own view of itself): CPU time, resident memory, and for a JVM its live heap after a full
 * GC (through {@code jcmd}, so the heap figure is live data, not garbage waiting for the next cycle).
 */
record ProcessUsage(long pid) {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}); 100 on every kernel Debian ships. */
    private static final Pattern HEAP_LIVE = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    static ProcessUsage self() {
        return new ProcessUsage(ProcessHandle.current().pid());
    }

    /** User and system CPU seconds used so far (fields 14 and 15 of {@code /proc/<pid>/stat}). */
    double cpuSeconds() {
        return cpuSeconds(read("stat"));
    }

    private static double cpuSeconds(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / ClockTicks.PER_SECOND;
    }

    /**
     * CPU seconds used so far by the JVM's JIT compiler threads ({@code C1/C2 CompilerThread}, named
     * "C1 CompilerThre"/"C2 CompilerThre" in {@code /proc/<pid>/task/<tid>/comm}): the cost of warming
     * up, which a long-running UI server pays once, not per kiosk. Threads that ended are not counted.
     */
    double jitCpuSeconds() {
        double seconds = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
                        seconds += cpuSeconds(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException threadEnded) {
                    // a compiler thread that ended between the listing and the reading
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone: " + e.getMessage(), e);
        }
        return seconds;
    }

    /** Resident set size in MiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
    double rssMib() {
        for (String line : read("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    }

    /**
     * The JVM's live heap in MiB: the bytes of all objects that a full GC left
     * ({@code jcmd <pid> GC.class_histogram}, whose total is counted in the same pause as its GC;
     * {@code GC.heap_info} after {@code GC.run} would also count what was allocated in between).
     */
    double heapAfterGcMib() {
        Matcher total = HEAP_LIVE.matcher(Jcmd.run(pid, "GC.class_histogram"));
        if (!total.find()) {
            throw new IllegalStateException("jcmd GC.class_histogram of " + pid + " has no total");
        }
        return Long.parseLong(total.group(1)) / 1024.0 / 1024.0;
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone: " + e.getMessage(), e);
        }
    }
}
