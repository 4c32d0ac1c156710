package fi.suoja.bench.fleet;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the status load costs beyond the server process itself (issue 16): the server's peak thread
 * count over a window (sampled, not just at its end), the CPU of the PostgreSQL backends serving the
 * server's connections (found by the application name the server's JDBC URL carries, so other
 * users of the shared database are not counted), and the staleness of each sample (p50/p99/max),
 * one sample per heartbeat or more often.
 */
final class StatusLoad {

    private final List<ProcessProbe> servers;
    private final ServerDb db;
    private final String dbApplication;
    /** CPU seconds of each backend when first seen in this window. */
    private final Map<Long, Double> backendStart = new HashMap<>();
    private final Map<Long, Double> backendLast = new HashMap<>();
    private long peakThreads;
    final List<double[]> samples = new ArrayList<>();

    StatusLoad(List<ProcessProbe> servers, ServerDb db, String dbApplication) {
        this.servers = servers;
        this.db = db;
        this.dbApplication = dbApplication;
    }

    /** Called at the window's start and at every sample. */
    void sample() throws SQLException {
        long threads = 0;
        for (ProcessProbe server : servers) {
            threads += server.threads();
        }
        peakThreads = Math.max(peakThreads, threads);
        if (dbApplication == null) {
            return;
        }
        boolean first = backendLast.isEmpty();
        for (long pid : db.backendPids(dbApplication)) {
            ProcessProbe backend = new ProcessProbe(pid, "postgres backend");
            double cpu;
            try {
                cpu = backend.cpuSeconds();
            } catch (IllegalStateException gone) {
                continue;
            }
            // A backend that appears during the window counts from zero: its whole life was in it.
            backendStart.putIfAbsent(pid, first ? cpu : 0.0);
            backendLast.put(pid, cpu);
        }
    }

    void staleness(Stats sample) {
        samples.add(new double[] {sample.p(50), sample.p(99), sample.max()});
    }

    long peakThreads() {
        return peakThreads;
    }

    /** CPU seconds the server's PostgreSQL backends used since the first sample; NaN without an application name. */
    double databaseCpuSeconds() {
        if (dbApplication == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (Map.Entry<Long, Double> e : backendLast.entrySet()) {
            sum += e.getValue() - backendStart.getOrDefault(e.getKey(), 0.0);
        }
        return sum;
    }

    String perSample() {
        StringBuilder out = new StringBuilder();
        for (double[] s : samples) {
            out.append(String.format(Locale.ROOT, " %.1f/%.1f/%.1f", s[0], s[1], s[2]));
        }
        return out.toString();
    }
}
