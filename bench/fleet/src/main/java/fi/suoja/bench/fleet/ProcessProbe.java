package fi.suoja.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a process costs, read from Linux's /proc: CPU time (user + system, in clock ticks), resident
 * memory and thread count; and a JVM's heap from {@code jstat -gc}. Reading /proc costs the
 * measured process nothing.
 */
final class ProcessProbe {

    /** Clock ticks per second of /proc/[pid]/stat ({@code getconf CLK_TCK}); 100 on every Linux we run on. */
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    final long pid;
    final String name;

    ProcessProbe(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    /** CPU seconds used so far, user plus system. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces; the fields after it are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException(name + " (pid " + pid + ") is gone", e);
        }
    }

    /**
     * CPU seconds used so far by the JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"
     * in /proc/[pid]/task/[tid]/comm): a round measured while they still work measures the compiler.
     * A compiler thread that has ended is no longer counted, so compare rounds, not the whole run.
     */
    double jitCpuSeconds() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).matches("C\\d CompilerThre\\s*")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " (pid " + pid + ") is gone", e);
        }
        return ticks / TICKS_PER_SECOND;
    }

    long rssKib() {
        return statusField("VmRSS:");
    }

    long threads() {
        return statusField("Threads:");
    }

    private long statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException("no " + field + " for " + name);
        } catch (IOException e) {
            throw new IllegalStateException(name + " (pid " + pid + ") is gone", e);
        }
    }

    /** Heap in use and the old generation's share of it, in MiB, from {@code jstat -gc}; null if it cannot tell. */
    double[] heapMib() {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes()).lines().toList();
            if (!jstat.waitFor(20, TimeUnit.SECONDS) || lines.size() < 2) {
                return null;
            }
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[names.indexOf(column)]);
            }
            double old = Double.parseDouble(values[names.indexOf("OU")]);
            return new double[] {used / 1024, old / 1024};
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
