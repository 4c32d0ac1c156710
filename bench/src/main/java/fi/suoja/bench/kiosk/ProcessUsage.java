package fi.suoja.bench.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one process uses, read from Linux's {@code /proc/<pid>} (so the figures are the kernel's, not
 * the JVM's own view of itself): CPU time, resident memory, and for a JVM its heap after a full GC
 * (through {@code jcmd}, so the heap figure is live data, not garbage waiting for the next cycle).
 */
record ProcessUsage(long pid) {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}); 100 on every kernel Debian ships. */
    private static final double TICKS_PER_SECOND = ticksPerSecond();
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    static ProcessUsage self() {
        return new ProcessUsage(ProcessHandle.current().pid());
    }

    /** User and system CPU seconds used so far (fields 14 and 15 of {@code /proc/<pid>/stat}). */
    double cpuSeconds() {
        String stat = read("stat");
        // the command name (field 2) is in parentheses and may hold spaces: count fields after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / TICKS_PER_SECOND;
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

    /** The JVM's heap in use right after a full GC, in MiB ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}). */
    double heapAfterGcMib() {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info of " + pid + " names no heap in use");
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone: " + e.getMessage(), e);
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            getconf.waitFor(10, TimeUnit.SECONDS);
            return Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

}
