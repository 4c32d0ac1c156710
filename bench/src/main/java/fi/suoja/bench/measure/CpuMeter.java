package fi.suoja.bench.measure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by this benchmark's child processes, by part (kiosk-server, kiosk-ui, Chromium with
 * its driver), so a figure can say where the time went: in Suoja's processes or in the load
 * generator. Read from the operating system ({@link ProcessHandle.Info#totalCpuDuration()}).
 */
public final class CpuMeter {

    public static final String SERVER = "kiosk-server";
    public static final String UI = "kiosk-ui";
    public static final String BROWSER = "Chromium";

    private final Map<String, Duration> at;
    private final long nanos;

    private CpuMeter(Map<String, Duration> at, long nanos) {
        this.at = at;
        this.nanos = nanos;
    }

    public static CpuMeter now() {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (String part : new String[] {SERVER, UI, BROWSER}) {
            used.put(part, Duration.ZERO);
        }
        ProcessHandle.current().descendants().forEach(p -> {
            ProcessHandle.Info info = p.info();
            String part = part(info);
            if (part != null) {
                used.merge(part, info.totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
            }
        });
        return new CpuMeter(used, System.nanoTime());
    }

    /** Cores used by each part since this snapshot: CPU seconds per second of wall time. */
    public String coresSince(CpuMeter earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        StringBuilder out = new StringBuilder();
        at.forEach((part, used) -> {
            double cpu = used.minus(earlier.at.getOrDefault(part, Duration.ZERO)).toMillis() / 1000.0;
            out.append(out.length() == 0 ? "" : ", ").append(part).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", cpu / seconds));
        });
        return out.append(" cores over ").append(Math.round(seconds)).append(" s").toString();
    }

    private static String part(ProcessHandle.Info info) {
        String command = info.command().orElse("");
        String arguments = String.join(" ", info.arguments().map(Arrays::asList).orElse(java.util.List.of()));
        if (command.endsWith("java")) {
            if (arguments.contains("kiosk-server.jar")) {
                return SERVER;
            }
            if (arguments.contains("kiosk-ui.jar")) {
                return UI;
            }
            return null;
        }
        return command.contains("chrom") ? BROWSER : null;
    }
}
