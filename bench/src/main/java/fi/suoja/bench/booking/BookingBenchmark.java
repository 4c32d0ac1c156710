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

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int rooms = Arrays.stream(levels).max().orElseThrow();
        String repeat = "bench/booking/run.sh " + perLevel + " " + (args.length > 1 ? args[1] : "1,16,64");

        Path work = Files.createTempDirectory("suoja-bench-booking");
        try (PostgresSchema schema = PostgresSchema.fresh(SCHEMA);
             KioskServer server = KioskServer.onPostgres(schema, work)) {
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

            Booker.Opener viaApi = () -> new ApiBooker(server.uri(), kiosk.token());
            Booker.Opener viaJdbc = () -> new JdbcBooker(schema.connect(), kiosk.id());
            Load load = new Load(new Slots(rooms, MAX_DAYS_AHEAD), roomIds);
            int apiMade = 0;
            int jdbcMade = 0;

            System.out.println("warming up: " + GLOBAL_WARM_UP + " bookings each way with " + GLOBAL_WARM_UP_CLIENTS + " clients");
            int warmClients = Math.min(GLOBAL_WARM_UP_CLIENTS, rooms);
            load.run(viaJdbc, warmClients, GLOBAL_WARM_UP);
            load.run(viaApi, warmClients, GLOBAL_WARM_UP);
            jdbcMade += GLOBAL_WARM_UP + Load.warmUpBookings(warmClients);
            apiMade += GLOBAL_WARM_UP + Load.warmUpBookings(warmClients);

            Table table = new Table("clients", "bookings", "API /s", "JDBC /s", "throughput API/JDBC",
                    "API p50 ms", "JDBC p50 ms", "p50 API/JDBC", "API p99 ms", "JDBC p99 ms", "p99 API/JDBC");
            Map<Integer, Load.Result[]> results = new LinkedHashMap<>();
            for (int clients : levels) {
                Load.Result jdbc = load.run(viaJdbc, clients, perLevel);
                Load.Result http = load.run(viaApi, clients, perLevel);
                jdbcMade += perLevel + Load.warmUpBookings(clients);
                apiMade += perLevel + Load.warmUpBookings(clients);
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
            }

            String doorTasks = check(schema, apiMade, jdbcMade);
            System.out.println();
            System.out.println("Booking creation: kiosk-server's HTTP API against raw JDBC inserts, same PostgreSQL, same run");
            System.out.println("  API:  POST /api/v1/bookings with a kiosk token, java.net.http, one HTTP/1.1 connection per client;");
            System.out.println("        the server checks the rules, writes the booking and its " + Slots.GRAINS
                    + " slot claims in one transaction, then plans the door and sign tasks (" + doorTasks + ")");
            System.out.println("  JDBC: INSERT booking RETURNING id + " + Slots.GRAINS
                    + " batched room_slot_claim rows, one transaction per booking, one connection per client");
            System.out.println("  throughput API/JDBC below 1 and latency API/JDBC above 1 are what the server costs over the bare inserts");
            System.out.println();
            System.out.print(table);
            System.out.println();
            System.out.println("Repeat: " + repeat);
        }
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
