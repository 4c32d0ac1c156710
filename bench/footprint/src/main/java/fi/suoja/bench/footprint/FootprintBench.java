package fi.suoja.bench.footprint;

import fi.suoja.bench.measure.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Footprint (issue 16, point 6): kiosk-server's start and memory on H2 and on PostgreSQL, the device
 * agent's start and memory with and without a class-data archive, each against the JVM floor on the
 * same JDK with the same heap settings, started in the same round. Rounds alternate the order of the
 * kinds; every figure is the median over the rounds, every ratio the median of the rounds' own ratios.
 *
 * <pre>
 * FootprintBench --rounds 5 --server-jar J --agent-jar J --launcher F --floor-classes D --work D
 *                --jdk HOME [--jdk HOME2] --repeat "command"
 * </pre>
 * The first JDK is the one the units run on (17); a second (e.g. Temurin 25) adds its floor, the
 * server on H2 and the agent with and without archive.
 */
public final class FootprintBench {

    /** Pause after a process is ready before its memory is read: what it does right after starting is part of "started". */
    static final long SETTLE_MILLIS = 2_000;
    static final int READS = 100;

    private FootprintBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(args);
        int rounds = Integer.parseInt(one(options, "rounds"));
        Path serverJar = Path.of(one(options, "server-jar")).toAbsolutePath();
        Path agentJar = Path.of(one(options, "agent-jar")).toAbsolutePath();
        Path launcher = Path.of(one(options, "launcher")).toAbsolutePath();
        Path floorClasses = Path.of(one(options, "floor-classes")).toAbsolutePath();
        Path work = Path.of(one(options, "work")).toAbsolutePath();
        List<Jdk> jdks = options.get("jdk").stream().map(home -> Jdk.of(Path.of(home))).toList();
        String runId = work.getFileName().toString().replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT);

        System.out.printf("Footprint, %d rounds, started %s; JDKs %s; work directory %s%n", rounds, Instant.now(),
                jdks.stream().map(j -> j.label() + "=" + j.home()).toList(), work);
        try (StatusWatch watch = StatusWatch.start(work)) {
            Agents agents = new Agents(agentJar, launcher, work, watch);
            List<Kind> kinds = new ArrayList<>();
            for (Jdk jdk : jdks) {
                boolean main = jdk == jdks.get(0);
                kinds.add(Floors.exit(jdk, floorClasses, work));
                String serverFloor = "jvm-http-" + jdk.label();
                kinds.add(Floors.serve(serverFloor, jdk, List.of("-Xmx512m"), floorClasses, work, READS));
                // the second JDK: H2's first start and restart only (PostgreSQL is the same server code)
                kinds.add(Servers.server(jdk, Servers.Db.H2, serverJar, work, serverFloor, runId, READS));
                if (main) {
                    kinds.add(Servers.server(jdk, Servers.Db.POSTGRES, serverJar, work, serverFloor, runId, READS));
                }
                String agentFloor = "jvm-http-agent-flags-" + jdk.label();
                kinds.add(Floors.serve(agentFloor, jdk, Agents.UNIT_JVM, floorClasses, work, 0));
                kinds.add(agents.kind(jdk, false, agentFloor));
                kinds.add(agents.kind(jdk, true, agentFloor));
            }
            List<String> fallbacks = new ArrayList<>();
            for (Jdk jdk : jdks) {
                Jdk other = jdks.stream().filter(j -> j != jdk).findFirst().orElse(null);
                Path otherArchive = other == null ? null : agents.install("fp-agent-cds-" + other.label()).archive();
                fallbacks.addAll(agents.checkFallbacks(jdk, otherArchive != null && Files.exists(otherArchive) ? otherArchive : null));
            }

            Map<String, List<Sample>> results = new LinkedHashMap<>();
            kinds.forEach(kind -> kind.names().forEach(name -> results.put(name, new ArrayList<>())));
            for (int round = 1; round <= rounds; round++) {
                List<Kind> order = new ArrayList<>(kinds);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                System.out.printf("round %d/%d (%s)%n", round, rounds, uptime());
                for (Kind kind : order) {
                    for (Map.Entry<String, Sample> figure : kind.measureAll(round).entrySet()) {
                        Sample sample = figure.getValue();
                        results.get(figure.getKey()).add(sample);
                        System.out.printf(Locale.ROOT, "  %-26s start %8.1f ms  RSS %6.1f MiB  heap %6.1f MiB%n",
                                figure.getKey(), sample.startMs(), sample.rssStartMiB(), sample.heapStartMiB());
                    }
                }
                // the tables so far, for a run that has to be cut short
                Files.writeString(work.resolve("report.txt"), "After " + round + " of " + rounds + " rounds\n"
                        + report(kinds, results, agents.trainings, fallbacks, jdks));
            }
            System.out.print(report(kinds, results, agents.trainings, fallbacks, jdks));
        }
        System.out.printf("Finished %s (%s)%nRepeat: %s%n", Instant.now(), uptime(), one(options, "repeat"));
    }

    /** One line of the tables: a figure's name and the floor it is compared with (null for a floor). */
    private record Row(String name, String floor) {
    }

    private static String report(List<Kind> allKinds, Map<String, List<Sample>> results, List<Agents.Training> trainings,
                               List<String> fallbacks, List<Jdk> jdks) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        List<Row> kinds = new ArrayList<>();
        allKinds.forEach(kind -> kind.names().forEach(name -> kinds.add(new Row(name, kind.floor()))));
        out.println("\nStart (medians; × floor = median of each round's own ratio to the floor of that round)");
        Table start = new Table("process", "start ms", "min–max ms", "× floor", "floor", "first API answer ms", "stop ms");
        for (Row kind : kinds) {
            List<Sample> s = results.get(kind.name());
            start.row(kind.name(), Table.ms(median(s, Sample::startMs)),
                    Table.ms(min(s, Sample::startMs)) + "–" + Table.ms(max(s, Sample::startMs)),
                    kind.floor() == null ? "" : Table.ratio(ratio(results, kind.name(), kind.floor(), Sample::startMs)),
                    kind.floor() == null ? "" : kind.floor(), mib(median(s, Sample::firstApiMs)), mib(median(s, Sample::stopMs)));
        }
        out.print(start);

        out.println("\nMemory (MiB, medians; heap and metaspace in use after a full GC; after start = "
                + SETTLE_MILLIS / 1000 + " s after ready; load = a library set up and " + READS + " API reads)");
        Table memory = new Table("process", "RSS after start", "× floor", "heap after start", "metaspace", "RSS after load",
                "× RSS after start", "heap after load");
        for (Row kind : kinds) {
            List<Sample> s = results.get(kind.name());
            if (Double.isNaN(median(s, Sample::rssStartMiB))) {
                continue;
            }
            memory.row(kind.name(), mib(median(s, Sample::rssStartMiB)),
                    kind.floor() == null ? "" : Table.ratio(ratio(results, kind.name(), kind.floor(), Sample::rssStartMiB)),
                    mib(median(s, Sample::heapStartMiB)), mib(median(s, Sample::metaStartMiB)), mib(median(s, Sample::rssLoadMiB)),
                    Double.isNaN(median(s, Sample::rssLoadMiB)) ? "" : Table.ratio(medianOf(s, x -> x.rssLoadMiB() / x.rssStartMiB())),
                    mib(median(s, Sample::heapLoadMiB)));
        }
        out.print(memory);

        out.println("\nPairs (median of each round's ratio)");
        Table pairs = new Table("what", "start", "RSS after start", "heap after start", "stop");
        for (Jdk jdk : jdks) {
            pair(pairs, results, "agent with archive / without, JDK " + jdk.label(), "agent-cds-" + jdk.label(), "agent-" + jdk.label());
        }
        String main = jdks.get(0).label();
        pair(pairs, results, "server PostgreSQL / H2, JDK " + main, "server-pg-" + main, "server-h2-" + main);
        pair(pairs, results, "server restart / first start, H2, JDK " + main, "server-h2-" + main + "-restart", "server-h2-" + main);
        pair(pairs, results, "server restart / first start, PostgreSQL, JDK " + main, "server-pg-" + main + "-restart", "server-pg-" + main);
        for (Jdk jdk : jdks.subList(1, jdks.size())) {
            String a = jdk.label();
            String b = jdks.get(0).label();
            pair(pairs, results, "server H2, JDK " + a + " / " + b, "server-h2-" + a, "server-h2-" + b);
            pair(pairs, results, "server H2 restart, JDK " + a + " / " + b, "server-h2-" + a + "-restart", "server-h2-" + b + "-restart");
            pair(pairs, results, "JVM floor (exit), JDK " + a + " / " + b, "jvm-exit-" + a, "jvm-exit-" + b);
            pair(pairs, results, "agent without archive, JDK " + a + " / " + b, "agent-" + a, "agent-" + b);
            pair(pairs, results, "agent with archive, JDK " + a + " / " + b, "agent-cds-" + a, "agent-cds-" + b);
        }
        out.print(pairs);

        out.println("\nThe launcher's first start on a fresh installation (no archive: it makes one when the agent stops)");
        for (Agents.Training t : trainings) {
            out.printf(Locale.ROOT, "  JDK %s: first status after %.0f ms; stop (SIGTERM → exit, archive written) %.0f ms; archive %.1f MiB%n",
                    t.jdk(), t.startMs(), t.stopMs(), t.archiveBytes() / 1048576.0);
        }
        out.println("\nFallbacks (each a real start through the launcher that had to publish its status)");
        fallbacks.forEach(f -> out.println("  " + f));
        out.flush();
        return text.toString();
    }

    private static void pair(Table table, Map<String, List<Sample>> results, String what, String a, String b) {
        if (!results.containsKey(a) || !results.containsKey(b)) {
            return;
        }
        table.row(what, Table.ratio(ratio(results, a, b, Sample::startMs)), Table.ratio(ratio(results, a, b, Sample::rssStartMiB)),
                Table.ratio(ratio(results, a, b, Sample::heapStartMiB)), Table.ratio(ratio(results, a, b, Sample::stopMs)));
    }

    /** The median over the rounds of a's figure divided by b's figure of the same round. */
    private static double ratio(Map<String, List<Sample>> results, String a, String b, ToDoubleFunction<Sample> figure) {
        List<Sample> x = results.get(a);
        List<Sample> y = results.get(b);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            ratios.add(figure.applyAsDouble(x.get(i)) / figure.applyAsDouble(y.get(i)));
        }
        return median(ratios);
    }

    private static double medianOf(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return median(samples.stream().map(figure::applyAsDouble).toList());
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return medianOf(samples, figure);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return samples.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private static double max(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return samples.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }

    private static String mib(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String uptime() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1] + " "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[2];
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException("--" + name + " is needed once");
        }
        return values.get(0);
    }
}
