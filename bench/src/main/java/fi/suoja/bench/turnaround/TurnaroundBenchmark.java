package fi.suoja.bench.turnaround;

import com.fasterxml.jackson.databind.JsonNode;
import fi.suoja.bench.measure.Latencies;
import fi.suoja.bench.measure.Table;
import fi.suoja.bench.scene.DeviceAgent;
import fi.suoja.bench.scene.KioskServer;
import fi.suoja.bench.scene.Mosquitto;
import fi.suoja.bench.scene.Pause;
import fi.suoja.bench.scene.PostgresSchema;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 16 point 4, turnaround: (A) a loan laptop's return to READY with a verified wipe report,
 * for a realistic guest profile, against {@code rm -rf} of the same tree plus a bare MQTT round
 * trip; (B) a booking for now to its door code in the lock, for the simulated lock and for a
 * Zigbee2MQTT lock on Mosquitto, against the bare MQTT round trip. All against real processes:
 * kiosk-server on PostgreSQL, Mosquitto, the device agent. See bench/turnaround/README.md.
 */
public final class TurnaroundBenchmark {

    /** The goal of issue 16: at most this much above the wipe's own I/O (A) and in all (B). */
    private static final double GOAL_MS = 2_000;
    private static final long LIMIT_MS = Duration.ofMinutes(10).toMillis();
    private static final int RTT_SAMPLES = 21;
    private static final String Z2M_BASE = "zigbee2mqtt";

    private final int rounds;
    private final int files;
    private final Path work;
    private final String repeat;

    private TurnaroundBenchmark(int rounds, int files, Path work, String repeat) {
        this.rounds = rounds;
        this.files = files;
        this.work = work;
        this.repeat = repeat;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path root = Path.of(args.length > 2 ? args[2] : "/tmp");
        String repeat = "bench/turnaround/run.sh " + rounds + " " + files + " " + root;
        Path work = Files.createTempDirectory(root, "suoja-turnaround-");
        System.out.println("Turnaround benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load average "
                + loadAverage() + "; " + rounds + " rounds, guest profile of about " + files + " files; work directory "
                + work + " (" + fileSystem(work) + ")");
        int status;
        try {
            status = new TurnaroundBenchmark(rounds, files, work, repeat).run();
        } finally {
            deleteQuietly(work.resolve("guest"));
            deleteQuietly(work.resolve("baseline"));
        }
        System.out.println("Load average at the end: " + loadAverage() + "; logs in " + work);
        System.out.println("Repeat: " + repeat);
        System.exit(status);
    }

    private int run() throws Exception {
        List<String> problems = new ArrayList<>();
        Results laptop;
        Results zigbee;
        Results simulated;
        try (Mosquitto broker = Mosquitto.start(work); MqttRoundTrip rtt = new MqttRoundTrip(broker.url())) {
            System.out.println("Broker: " + broker.url() + " (" + Mosquitto.version() + ", anonymous, no persistence)");
            rtt.sample(RTT_SAMPLES);
            try (PostgresSchema schema = PostgresSchema.fresh("bench_turnaround_z2m");
                 SimulatedZigbee2Mqtt z2m = new SimulatedZigbee2Mqtt(broker.url(), Z2M_BASE)) {
                Path guest = Files.createDirectories(work.resolve("guest"));
                Path home = Files.createDirectories(guest.resolve("home"));
                Path tmp = Files.createDirectories(guest.resolve("tmp"));
                Path state = Files.createDirectories(work.resolve("agent-state"));
                try (KioskServer server = KioskServer.onPostgres(schema, Files.createDirectories(work.resolve("server-zigbee2mqtt")),
                        Map.of("SUOJA_MQTT_EMBEDDED", "false", "SUOJA_MQTT_URL", broker.url(), "SUOJA_LOCKS", "zigbee2mqtt"),
                        List.of("-Dsuoja.fleet.wipe-areas=" + home + "," + tmp, "-Dsuoja.fleet.session-kind=simulated",
                                "-Dsuoja.fleet.agent-state-dir=" + state))) {
                    System.out.println("kiosk-server (locks: zigbee2mqtt, PostgreSQL schema " + schema.name() + ") on " + server.uri());
                    SuojaApi api = new SuojaApi(server.uri());
                    String admin = api.login("admin", server.adminPassword());
                    long site = api.createSite(admin, "Turnaround Library", "UTC", SuojaApi.defaultRules());
                    laptop = laptopTurnaround(server, api, admin, site, home, state, rtt, problems);
                    zigbee = doorCodes("zigbee2mqtt", api, admin, site, rtt, problems,
                            (room, code) -> z2m.awaitCode(code, LIMIT_MS).map(SimulatedZigbee2Mqtt.CodeSet::answeredNanos));
                }
            }
            try (PostgresSchema schema = PostgresSchema.fresh("bench_turnaround_sim");
                 KioskServer server = KioskServer.onPostgres(schema, Files.createDirectories(work.resolve("server-simulated")),
                         Map.of("SUOJA_MQTT_EMBEDDED", "false", "SUOJA_MQTT_URL", broker.url(), "SUOJA_LOCKS", "simulated"), List.of())) {
                System.out.println("kiosk-server (locks: simulated, PostgreSQL schema " + schema.name() + ") on " + server.uri());
                SuojaApi api = new SuojaApi(server.uri());
                String admin = api.login("admin", server.adminPassword());
                long site = api.createSite(admin, "Door Library", "UTC", SuojaApi.defaultRules());
                simulated = doorCodes("simulated", api, admin, site, rtt, problems,
                        (room, code) -> typeUntilOpen(api, admin, room, code));
            }
        }
        report(laptop, zigbee, simulated);
        if (!problems.isEmpty()) {
            System.out.println("PROBLEMS:");
            problems.forEach(p -> System.out.println("  " + p));
            return 2;
        }
        return 0;
    }

    /** What one part measured, round by round (ms). */
    private record Results(List<double[]> rows) {
    }

    // ------------------------------------------------------------------ Part A

    private Results laptopTurnaround(KioskServer server, SuojaApi api, String admin, long site, Path home, Path state,
                                     MqttRoundTrip rtt, List<String> problems) throws Exception {
        JsonNode registered = api.call("POST", "/api/v1/devices", admin, Map.of("tag", "LOAN-1", "kind", "LAPTOP", "siteId", site), 201);
        String device = registered.path("device").path("id").asText();
        Path agentDir = Files.createDirectories(work.resolve("agent"));
        try (DeviceEvents events = new DeviceEvents(server.uri(), admin);
             DeviceAgent agent = DeviceAgent.start(registered.path("agentConfig").asText(), agentDir)) {
            System.out.println("device-agent (" + DeviceAgent.JAR + ", -Xmx32m, session simulated) for " + device
                    + "; guest areas " + home + " and " + home.resolveSibling("tmp") + "; its log " + agent.log());
            awaitReady(api, admin, device, "its first wipe");
            System.out.println("Laptop READY after its first wipe. Warm-up round (2,000 files, not measured) ...");
            laptopRound(api, admin, events, device, home, 2_000, 0, true, rtt, problems);
            List<double[]> rows = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                rows.add(laptopRound(api, admin, events, device, home, files, r, r % 2 == 1, rtt, problems));
            }
            return new Results(rows);
        }
    }

    /**
     * One round: lend the laptop, let the guest leave a profile, build the identical baseline tree,
     * sync, then time the return (to the desk's READY event) and {@code rm -rf} one after the other
     * (who goes first alternates), each after a {@code sync}; the RTT right after.
     * Row: turnaround, rm -rf, RTT median, agent's wipe, files, MB, fastest RTT, return → WIPE sent (ms unless named).
     */
    private double[] laptopRound(SuojaApi api, String admin, DeviceEvents events, String device, Path home, int fileCount,
                                 int round, boolean rmFirst, MqttRoundTrip rtt, List<String> problems) throws Exception {
        api.call("POST", "/api/v1/devices/hand-out", admin,
                Map.of("tag", "LOAN-1", "walkInUntil", Instant.now().plus(Duration.ofHours(2)).toString()), 200);
        awaitAgentState(api, admin, device, "IN_SESSION");
        long seed = 16_004L * 1_000 + round;
        GuestProfile.Size guest = GuestProfile.write(home, seed, fileCount);
        Path baseline = Files.createDirectories(work.resolve("baseline").resolve("round-" + round));
        GuestProfile.Size copy = GuestProfile.write(baseline, seed, fileCount);
        if (!guest.equals(copy)) {
            throw new IllegalStateException("the two trees differ: " + guest + " and " + copy);
        }
        sync();
        double rm = 0;
        if (rmFirst) {
            rm = rmRf(baseline);
        }
        sync();
        events.clear();
        long start = System.nanoTime();
        api.call("POST", "/api/v1/devices/return", admin, Map.of("tag", "LOAN-1"), 200);
        // The desk sees WIPING once the server has sent the signed WIPE to the broker, then READY with the verified report.
        DeviceEvents.Seen first = events.await(device, view -> List.of("WIPING", "READY").contains(view.path("state").asText()),
                LIMIT_MS, "WIPING or READY after the return");
        DeviceEvents.Seen ready = "READY".equals(first.view().path("state").asText()) ? first
                : events.await(device, view -> "READY".equals(view.path("state").asText()), LIMIT_MS, "READY after the return");
        double turnaround = (ready.atNanos() - start) / 1e6;
        double toWiping = (first.atNanos() - start) / 1e6;
        if (!rmFirst) {
            sync();
            rm = rmRf(baseline);
        }
        MqttRoundTrip.Sample rttNow = rtt.sample(RTT_SAMPLES);
        double roundTrip = rttNow.median();
        // The wipe guarantee, checked from outside: READY only with a verified report, and the areas empty.
        JsonNode view = ready.view();
        if (!view.path("lastWipe").path("verified").asBoolean(false)) {
            problems.add("round " + round + ": READY without a verified last wipe: " + view.path("lastWipe"));
        }
        JsonNode reports = api.call("GET", "/api/v1/devices/" + device + "/wipe-reports", admin, null, 200);
        JsonNode newest = newestReport(reports);
        if (newest.path("filesRemoved").asLong() != guest.files() || !newest.path("verified").asBoolean()) {
            problems.add("round " + round + ": the report removed " + newest.path("filesRemoved") + " files of " + guest.files()
                    + " (verified " + newest.path("verified") + ")");
        }
        try (Stream<Path> left = Files.list(home)) {
            if (left.findAny().isPresent()) {
                problems.add("round " + round + ": the guest area " + home + " is not empty after READY");
            }
        }
        double wipe = newest.path("durationMillis").asDouble();
        double mb = guest.bytes() / 1e6;
        System.out.printf(Locale.ROOT, "  %s: %d files, %d dirs, %.0f MB: return→READY %.0f ms (WIPE sent %.0f ms, agent's wipe"
                        + " %.0f ms), rm -rf %.0f ms (%s), MQTT RTT %.2f ms (fastest %.2f)%n", round == 0 ? "warm-up" : "round " + round,
                guest.files(), guest.directories(), mb, turnaround, toWiping, wipe, rm, rmFirst ? "rm -rf first" : "return first",
                roundTrip, rttNow.fastest());
        return new double[] {turnaround, rm, roundTrip, wipe, guest.files(), mb, rttNow.fastest(), toWiping};
    }

    private static JsonNode newestReport(JsonNode reports) {
        JsonNode newest = null;
        for (JsonNode r : reports) {
            if (newest == null || Instant.parse(r.path("receivedAt").asText()).isAfter(Instant.parse(newest.path("receivedAt").asText()))) {
                newest = r;
            }
        }
        if (newest == null) {
            throw new IllegalStateException("the laptop has no wipe report");
        }
        return newest;
    }

    private static void awaitReady(SuojaApi api, String admin, String device, String what) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MS);
        while (System.nanoTime() < end) {
            JsonNode view = api.call("GET", "/api/v1/devices/" + device, admin, null, 200);
            if ("READY".equals(view.path("state").asText())) {
                return;
            }
            Pause.millis(100);
        }
        throw new IllegalStateException("the laptop did not become READY after " + what);
    }

    private static void awaitAgentState(SuojaApi api, String admin, String device, String agentState) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            JsonNode view = api.call("GET", "/api/v1/devices/" + device, admin, null, 200);
            if (agentState.equals(view.path("agentState").asText())) {
                return;
            }
            Pause.millis(50);
        }
        throw new IllegalStateException("the agent did not report " + agentState + " within 60 s");
    }

    /** {@code rm -rf} of the tree, as a process; ms from its start to its exit. */
    private static double rmRf(Path tree) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process rm = new ProcessBuilder("rm", "-rf", tree.toString()).inheritIO().start();
        if (rm.waitFor() != 0 || Files.exists(tree)) {
            throw new IllegalStateException("rm -rf " + tree + " failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Writes back what is dirty, so that neither timed part pays for the other's (or the generator's) write-back. */
    private static void sync() throws IOException, InterruptedException {
        if (new ProcessBuilder("sync").inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("sync failed");
        }
    }

    // ------------------------------------------------------------------ Part B

    /** How a lock's having the code is seen: the nanoTime it was seen, empty if it never was. */
    private interface CodeWatch {
        Optional<Long> codeIn(long roomId, String code) throws Exception;
    }

    /**
     * Per round: a room of its own with a keypad lock, a booking for now through the kiosk's API
     * (as a visitor at the kiosk makes it), timed from the 201 to the lock having the code.
     * Row: from the 201, from the request, RTT median, fastest RTT (ms).
     */
    private Results doorCodes(String locks, SuojaApi api, String admin, long site, MqttRoundTrip rtt, List<String> problems,
                              CodeWatch watch) throws Exception {
        SuojaApi.Kiosk kiosk = api.createKiosk(admin, site, "Kiosk " + locks);
        System.out.println("Door codes, " + locks + " locks: warm-up round, then " + rounds + " rounds");
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            long room = api.createRoom(admin, site, "D" + r, "00:00", "23:55");
            long sent = System.nanoTime();
            JsonNode booking = bookNow(api, kiosk, room);
            long answered = System.nanoTime();
            String code = booking.path("doorCode").asText();
            Optional<Long> inLock = watch.codeIn(room, code);
            if (inLock.isEmpty()) {
                problems.add(locks + " round " + r + ": the lock never had the code of booking " + booking.path("id"));
                continue;
            }
            double fromAnswer = (inLock.get() - answered) / 1e6;
            double fromRequest = (inLock.get() - sent) / 1e6;
            MqttRoundTrip.Sample rttNow = rtt.sample(RTT_SAMPLES);
            System.out.printf(Locale.ROOT, "  %s: booking %s: 201 → code in the lock %.1f ms (from the request %.1f ms), MQTT RTT %.2f ms"
                            + " (fastest %.2f)%n", r == 0 ? "warm-up" : "round " + r, booking.path("id").asText(), fromAnswer, fromRequest,
                    rttNow.median(), rttNow.fastest());
            if (r > 0) {
                rows.add(new double[] {fromAnswer, fromRequest, rttNow.median(), rttNow.fastest()});
            }
        }
        return new Results(rows);
    }

    /** A 15-minute booking from the current five minutes, as the kiosk's "Now" makes it; again once if the five minutes turned meanwhile. */
    private static JsonNode bookNow(SuojaApi api, SuojaApi.Kiosk kiosk, long room) {
        for (int attempt = 0; ; attempt++) {
            Instant now = Instant.now();
            Instant start = Instant.ofEpochSecond(now.getEpochSecond() / 300 * 300);
            try {
                return api.call("POST", "/api/v1/bookings", kiosk.token(),
                        Map.of("roomId", room, "start", start.toString(), "minutes", 15), 201);
            } catch (IllegalStateException e) {
                if (attempt > 0 || Instant.now().getEpochSecond() / 300 == now.getEpochSecond() / 300) {
                    throw e;
                }
            }
        }
    }

    /**
     * The simulated lock lives inside the server; what it gives to see is its keypad
     * ({@code POST /api/v1/rooms/{id}/lock/keypad}): the code is typed again and again, 5 ms apart,
     * until the door opens. The moment is when the first "opened" answer is here (an upper bound:
     * the code went in between the send of the last "closed" and this answer).
     */
    private static Optional<Long> typeUntilOpen(SuojaApi api, String admin, long room, String code) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MS);
        while (System.nanoTime() < end) {
            JsonNode typed = api.call("POST", "/api/v1/rooms/" + room + "/lock/keypad", admin, Map.of("code", code), 200);
            if (typed.path("opened").asBoolean()) {
                return Optional.of(System.nanoTime());
            }
            Pause.millis(5);
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ report

    private void report(Results laptop, Results zigbee, Results simulated) {
        System.out.println();
        System.out.println("A. Laptop turnaround, " + rounds + " rounds: return (POST /api/v1/devices/return) → the desk's READY event"
                + " with a verified report, against rm -rf of the identical tree + a bare MQTT QoS 1 round trip");
        double[] turn = column(laptop, 0);
        double[] rm = column(laptop, 1);
        double[] rtt = column(laptop, 2);
        double[] wipe = column(laptop, 3);
        double[] toWiping = column(laptop, 7);
        double[] base = new double[turn.length];
        double[] over = new double[turn.length];
        double[] ratio = new double[turn.length];
        double[] notWipe = new double[turn.length];
        double[] engine = new double[turn.length];
        for (int i = 0; i < turn.length; i++) {
            base[i] = rm[i] + rtt[i];
            over[i] = turn[i] - base[i];
            ratio[i] = turn[i] / base[i];
            notWipe[i] = turn[i] - wipe[i];
            engine[i] = wipe[i] / rm[i];
        }
        System.out.printf(Locale.ROOT, "   files %.0f, %.0f MB per profile%n", laptop.rows().get(0)[4], laptop.rows().get(0)[5]);
        Table a = new Table("", "turnaround ms", "rm -rf ms", "MQTT RTT ms", "baseline ms", "turnaround / baseline",
                "turnaround − baseline ms", "agent's wipe ms", "agent's wipe / rm -rf", "return → WIPE sent ms",
                "overhead: turnaround − agent's wipe ms");
        for (String p : List.of("p50", "p95")) {
            double q = p.equals("p50") ? 50 : 95;
            a.row(p, Table.ms(pct(turn, q)), Table.ms(pct(rm, q)), Table.ms(pct(rtt, q)), Table.ms(pct(base, q)),
                    Table.ratio(pct(ratio, q)), Table.ms(pct(over, q)), Table.ms(pct(wipe, q)), Table.ratio(pct(engine, q)),
                    Table.ms(pct(toWiping, q)), Table.ms(pct(notWipe, q)));
        }
        a.row("total", Table.ms(sum(turn)), Table.ms(sum(rm)), Table.ms(sum(rtt)), Table.ms(sum(base)), Table.ratio(sum(turn) / sum(base)),
                Table.ms(sum(over)), Table.ms(sum(wipe)), Table.ratio(sum(wipe) / sum(rm)), "", Table.ms(sum(notWipe)));
        System.out.print(a);
        System.out.println("   (each column's own percentile over the rounds; the ratios and differences are taken per round, then the"
                + " percentile; total: sums over the rounds); fastest MQTT round trip of the run " + Table.ms(min(column(laptop, 6))) + " ms");
        System.out.println("   goal, at most " + (int) GOAL_MS + " ms above the wipe's own I/O (turnaround − the agent's measured wipe): "
                + (pct(notWipe, 95) < GOAL_MS ? "MET" : "MISSED") + " (p95 " + Table.ms(pct(notWipe, 95)) + " ms); against rm -rf + RTT"
                + " round by round: p50 " + Table.ms(pct(over, 50)) + " ms, p95 " + Table.ms(pct(over, 95)) + " ms (mostly the disk's"
                + " variation between two deletions of the same tree, see agent's wipe / rm -rf)");
        System.out.println();
        System.out.println("B. Booking for now (kiosk, POST /api/v1/bookings) → its door code in the lock, " + rounds + " rounds each");
        Table b = new Table("lock", "201 → code p50 ms", "p95 ms", "request → code p50 ms", "p95 ms", "MQTT RTT p50 ms",
                "p50 / RTT p50", "fastest RTT ms", "goal < 2 s");
        for (Object[] part : new Object[][] {{"simulated (server's keypad API)", simulated}, {"Zigbee2MQTT on Mosquitto", zigbee}}) {
            Results results = (Results) part[1];
            if (results.rows().isEmpty()) {
                b.row(part[0], "-", "-", "-", "-", "-", "-", "-", "MISSED");
                continue;
            }
            double[] code = column(results, 0);
            double[] request = column(results, 1);
            double[] brtt = column(results, 2);
            b.row(part[0], Table.ms(pct(code, 50)), Table.ms(pct(code, 95)), Table.ms(pct(request, 50)), Table.ms(pct(request, 95)),
                    Table.ms(pct(brtt, 50)), Table.ratio(pct(code, 50) / pct(brtt, 50)), Table.ms(min(column(results, 3))),
                    pct(code, 95) < GOAL_MS ? "MET" : "MISSED");
        }
        System.out.print(b);
    }

    private static double[] column(Results results, int index) {
        return results.rows().stream().mapToDouble(row -> row[index]).toArray();
    }

    private static double sum(double[] values) {
        return java.util.Arrays.stream(values).sum();
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double pct(double[] values, double percent) {
        return new Latencies(values).percentile(percent);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String fileSystem(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return "file system unknown";
        }
    }

    private static void deleteQuietly(Path tree) {
        try {
            new ProcessBuilder("rm", "-rf", tree.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            // left for the reader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
