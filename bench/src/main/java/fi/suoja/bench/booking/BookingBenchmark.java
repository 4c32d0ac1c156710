package fi.suoja.bench.booking;

import fi.suoja.bench.measure.Table;
import fi.suoja.bench.scene.KioskServer;
import fi.suoja.bench.scene.PostgresSchema;
import fi.suoja.bench.scene.SuojaApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Booking creation through the real kiosk-server (its jar, on PostgreSQL) at 1, 16 and 64
 * concurrent clients, against the baseline of raw JDBC inserts of the same rows into the same
 * database with the same number of clients, in the same run. Prints a table of ratios API/JDBC.
 *
 * <p>Usage: {@code BookingBenchmark [bookings per level=1500] [levels=1,16,64]}, run from the
 * repository's root (see bench/booking/run.sh).
 */
public final class BookingBenchmark {

    static final String SCHEMA = "bench_booking";
    static final int MAX_DAYS_AHEAD = 365;
    static final int GLOBAL_WARM_UP = 1000;
    static final int GLOBAL_WARM_UP_CLIENTS = 16;
    /** Each level's bookings are made in this many turns of each way, one way after the other. */
    static final int TURNS = 5;
    /**
     * API warm-up rounds go on until this long after the server answered: by then its JIT has
     * compiled the booking's path, and its first door-reconcile sweep (20 s after start) has begun.
     */
    static final java.time.Duration WARM_UP_SINCE_START = java.time.Duration.ofSeconds(25);
    /** ... and until the server's JIT compilers use less than this share of a core over 5 s, */
    static final double JIT_SETTLED = 0.05;
    /** ... but no longer than this. */
    static final java.time.Duration WARM_UP_LIMIT = java.time.Duration.ofMinutes(3);

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int rooms = Math.max(GLOBAL_WARM_UP_CLIENTS, Arrays.stream(levels).max().orElseThrow());
        String repeat = "bench/booking/run.sh " + perLevel + " " + (args.length > 1 ? args[1] : "1,16,64");

        Path work = Files.createTempDirectory("suoja-bench-booking");
        try (PostgresSchema schema = PostgresSchema.fresh(SCHEMA);
             KioskServer server = KioskServer.onPostgres(schema, work)) {
            long serverUp = System.nanoTime();
            System.out.println("kiosk-server " + server.uri() + " on " + schema.url() + " (log " + server.log() + ")");
            SuojaApi api = new SuojaApi(server.uri());
            String admin = api.login("admin", server.adminPassword());
            long site = api.createSite(admin, "Benchmark Library", "UTC", generousRules());
            long[] roomIds = new long[rooms];
            for (int i = 0; i < rooms; i++) {
                roomIds[i] = api.createRoom(admin, site, "bench-" + (i + 1), "00:00", "23:55");
            }
            SuojaApi.Kiosk kiosk = api.createKiosk(admin, site, "Benchmark kiosk");
            System.out.println("library " + site + ": " + rooms + " rooms open 00:00-23:55 UTC, a kiosk token;"
                    + " each client books its own room, " + Slots.MINUTES + " min + " + Slots.BUFFER_MINUTES
                    + " min buffer, from " + LocalDate.now().plusDays(1));

            boolean jdkClient = "jdk".equals(System.getenv("SUOJA_BENCH_HTTP"));
            Booker.Opener viaApi = jdkClient ? () -> new ApiBooker(server.uri(), kiosk.token())
                    : () -> new SocketBooker(server.uri(), kiosk.token());
            Booker.Opener viaJdbc = () -> new JdbcBooker(schema.connect(), kiosk.id());
            Load load = new Load(new Slots(rooms, MAX_DAYS_AHEAD), roomIds, server.process().process().toHandle());
            int apiMade = 0;
            int jdbcMade = 0;

            int warmClients = GLOBAL_WARM_UP_CLIENTS;
            load.run(viaJdbc, warmClients, GLOBAL_WARM_UP);
            jdbcMade += GLOBAL_WARM_UP + Load.warmUpBookings(warmClients);
            int warmRounds = 0;
            long serverPid = server.process().process().pid();
            double jitBefore = JitTime.seconds(serverPid);
            long windowFrom = System.nanoTime();
            double jitShare = 1;
            while (System.nanoTime() - serverUp < WARM_UP_SINCE_START.toNanos() || jitShare > JIT_SETTLED) {
                if (System.nanoTime() - serverUp > WARM_UP_LIMIT.toNanos()) {
                    System.out.printf(java.util.Locale.ROOT, "NOTE: the server's JIT still used %.0f %% of a core after %d s of warm-up;"
                            + " the levels below measure it still compiling%n", jitShare * 100, WARM_UP_LIMIT.toSeconds());
                    break;
                }
                load.run(viaApi, warmClients, GLOBAL_WARM_UP);
                apiMade += GLOBAL_WARM_UP + Load.warmUpBookings(warmClients);
                warmRounds++;
                double window = (System.nanoTime() - windowFrom) / 1e9;
                if (window >= 5) {
                    double jit = JitTime.seconds(serverPid);
                    jitShare = (jit - jitBefore) / window;
                    jitBefore = jit;
                    windowFrom = System.nanoTime();
                }
            }
            double sweepWait = awaitFirstSweep(schema);
            System.out.printf(java.util.Locale.ROOT, "warmed up: %d bookings by JDBC, %d rounds of %d through the API, with %d clients,"
                    + " %.0f s after the server's start, its JIT compilers at %.0f %% of a core in the last 5 s; then %.1f s more"
                    + " until its first door-reconcile sweep (20 s after start) had planned door tasks for the JDBC rows, so"
                    + " that no level runs beside it (the next sweep is 5 min later)%n", GLOBAL_WARM_UP, warmRounds,
                    GLOBAL_WARM_UP, warmClients, (System.nanoTime() - serverUp) / 1e9, jitShare * 100, sweepWait);

            Table table = new Table("clients", "bookings", "API /s", "JDBC /s", "throughput API/JDBC",
                    "API p50 ms", "JDBC p50 ms", "p50 API/JDBC", "API p99 ms", "JDBC p99 ms", "p99 API/JDBC");
            Table cpu = new Table("clients", "way", "benchmark (clients) ms", "kiosk-server ms", "rest (PostgreSQL, kernel) ms",
                    "all ms", "cores busy");
            Map<Integer, Load.Result[]> results = new LinkedHashMap<>();
            for (int clients : levels) {
                // In turns, so that what drifts during a level (PostgreSQL's autovacuum and checkpoints
                // as the tables grow) falls on both ways alike and not on whichever ran second.
                Load.Result jdbc = null;
                Load.Result http = null;
                for (int turn = 0; turn < TURNS; turn++) {
                    int bookings = perLevel / TURNS + (turn < perLevel % TURNS ? 1 : 0);
                    jdbc = Load.Result.plus(jdbc, load.run(viaJdbc, clients, bookings));
                    http = Load.Result.plus(http, load.run(viaApi, clients, bookings));
                    jdbcMade += bookings + Load.warmUpBookings(clients);
                    apiMade += bookings + Load.warmUpBookings(clients);
                }
                results.put(clients, new Load.Result[] {http, jdbc});
                System.out.printf(java.util.Locale.ROOT, "%d clients: API %.0f/s p50 %s p99 %s ms | JDBC %.0f/s p50 %s p99 %s ms%n",
                        clients, http.perSecond(), Table.ms(http.latencies().p50()), Table.ms(http.latencies().percentile(99)),
                        jdbc.perSecond(), Table.ms(jdbc.latencies().p50()), Table.ms(jdbc.latencies().percentile(99)));
                table.row(clients, perLevel,
                        Math.round(http.perSecond()), Math.round(jdbc.perSecond()), Table.ratio(http.perSecond() / jdbc.perSecond()),
                        Table.ms(http.latencies().p50()), Table.ms(jdbc.latencies().p50()),
                        Table.ratio(http.latencies().p50() / jdbc.latencies().p50()),
                        Table.ms(http.latencies().percentile(99)), Table.ms(jdbc.latencies().percentile(99)),
                        Table.ratio(http.latencies().percentile(99) / jdbc.latencies().percentile(99)));
                cpuRow(cpu, clients, "API", http.cpu());
                cpuRow(cpu, clients, "JDBC", jdbc.cpu());
            }

            String doorTasks = check(schema, apiMade, jdbcMade);
            System.out.println();
            System.out.println("Booking creation: kiosk-server's HTTP API against raw JDBC inserts, same PostgreSQL, same run");
            System.out.println("  API:  POST /api/v1/bookings with a kiosk token, one HTTP/1.1 connection per client ("
                    + (jdkClient ? "java.net.http, SUOJA_BENCH_HTTP=jdk" : "a blocking socket; SUOJA_BENCH_HTTP=jdk for java.net.http") + ");");
            System.out.println("        the server checks the rules and writes the booking, its " + Slots.GRAINS
                    + " slot claims and its door and sign tasks (" + doorTasks + ") in one transaction");
            System.out.println("  JDBC: INSERT booking RETURNING id + " + Slots.GRAINS
                    + " batched room_slot_claim rows, one transaction per booking, one connection per client");
            System.out.println("  throughput API/JDBC below 1 and latency API/JDBC above 1 are what the server costs over the bare inserts");
            System.out.println();
            System.out.print(table);
            System.out.println();
            System.out.println("CPU a booking while each level ran (the load generator must not be what limits it):");
            System.out.print(cpu);
            System.out.println();
            System.out.println("Repeat: " + repeat);
        }
    }

    private static void cpuRow(Table cpu, int clients, String way, CpuUse.Spent spent) {
        cpu.row(clients, way, Table.ms(spent.benchMs()), Table.ms(spent.serverMs()), Table.ms(spent.restMs()),
                Table.ms(spent.benchMs() + spent.serverMs() + spent.restMs()),
                String.format(java.util.Locale.ROOT, "%.0f %%", spent.busy() * 100));
    }

    /**
     * Seconds until every booking so far has its door tasks: the server's first reconcile sweep plans
     * them for the bare inserts' rows, which the server did not write, one booking at a time.
     */
    private static double awaitFirstSweep(PostgresSchema schema) throws Exception {
        long from = System.nanoTime();
        long limit = from + java.time.Duration.ofMinutes(5).toNanos();
        try (Connection c = schema.connect(); Statement s = c.createStatement()) {
            while (count(s, "SELECT count(*) FROM booking b WHERE NOT EXISTS (SELECT 1 FROM door_task t WHERE t.booking_id = b.id)") > 0) {
                if (System.nanoTime() > limit) {
                    throw new IllegalStateException("the server's reconcile sweep did not plan the door tasks of the JDBC rows in 5 minutes");
                }
                Thread.sleep(200);
            }
        }
        return (System.nanoTime() - from) / 1e9;
    }

    /** The rows are there as claimed: every booking with all its grains, on both sides. */
    private static String check(PostgresSchema schema, int apiMade, int jdbcMade) throws Exception {
        try (Connection c = schema.connect(); Statement s = c.createStatement()) {
            long bookings = count(s, "SELECT count(*) FROM booking");
            long claims = count(s, "SELECT count(*) FROM room_slot_claim");
            long doorTasks = count(s, "SELECT count(*) FROM door_task");
            long withTasks = count(s, "SELECT count(DISTINCT booking_id) FROM door_task");
            long expected = (long) apiMade + jdbcMade;
            if (bookings != expected || claims != expected * Slots.GRAINS) {
                throw new IllegalStateException("expected " + expected + " bookings with " + expected * Slots.GRAINS
                        + " slot claims, found " + bookings + " and " + claims);
            }
            System.out.println("checked: " + bookings + " bookings (" + apiMade + " through the API, " + jdbcMade + " by JDBC), "
                    + claims + " slot claims, " + doorTasks + " door/sign tasks for " + withTasks + " bookings"
                    + " (the server's reconcile sweep plans them for the JDBC rows too when it runs)");
            return String.format(java.util.Locale.ROOT, "%.1f rows per booking", doorTasks / (double) Math.max(1, withTasks));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rules that let every benchmark booking through: 5-minute steps, a year ahead, no card. */
    static Map<String, Object> generousRules() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("slotStepMinutes", 5);
        rules.put("minBookingMinutes", 5);
        rules.put("maxBookingMinutes", 120);
        rules.put("maxDaysAhead", MAX_DAYS_AHEAD);
        rules.put("bufferMinutes", Slots.BUFFER_MINUTES);
        rules.put("checkInGraceMinutes", 15);
        rules.put("doorCodeLeadMinutes", Slots.DOOR_CODE_LEAD_MINUTES);
        rules.put("libraryCardRequired", false);
        rules.put("maxActiveBookingsPerCard", 20);
        rules.put("nameOnDoorAllowed", false);
        return rules;
    }
}
