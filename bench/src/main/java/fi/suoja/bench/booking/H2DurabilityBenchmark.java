package fi.suoja.bench.booking;

import fi.suoja.bench.measure.Table;
import fi.suoja.bench.scene.KioskServer;
import fi.suoja.bench.scene.SuojaApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What durable commits cost on the one-library box's H2 file: booking creation through the real
 * kiosk-server with {@code WRITE_DELAY=0} (each commit written to the file before it returns, which
 * the server enforces) against H2's default {@code WRITE_DELAY=500} (commits stored by a background
 * thread up to 500 ms later, lost by kill -9), and against bare JDBC inserts of the same rows into
 * the same file with each setting, all in one run.
 *
 * <p>The server opens its file with {@code AUTO_SERVER=TRUE}, so that this process can switch the
 * running database's delay with {@code SET WRITE_DELAY} (the server itself only ever opens it with
 * 0). The JDBC baseline runs after the server has stopped, embedded in this process on the same
 * file, with the URL's {@code WRITE_DELAY}.
 *
 * <p>Usage: {@code H2DurabilityBenchmark [bookings per level=600] [levels=1,16]} from the repository's
 * root (see bench/booking/run.sh h2).
 */
public final class H2DurabilityBenchmark {

    /** The server's default settings but DB_CLOSE_ON_EXIT=FALSE, which H2 does not allow beside AUTO_SERVER. */
    private static final String SETTINGS = ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000";
    private static final int WARM_UP = 300;

    private H2DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        String levelText = args.length > 1 ? args[1] : "1,16";
        int[] levels = Arrays.stream(levelText.split(",")).mapToInt(Integer::parseInt).toArray();
        int rooms = Arrays.stream(levels).max().orElseThrow();

        Path work = Files.createTempDirectory("suoja-bench-h2");
        String file = work.resolve("data/suoja").toAbsolutePath().toString();
        String serverUrl = "jdbc:h2:file:" + file + SETTINGS + ";AUTO_SERVER=TRUE";
        Map<Integer, Load.Result[]> api = new LinkedHashMap<>();
        Load load = null;
        long kioskId;
        long[] roomIds = new long[rooms];
        try (KioskServer server = KioskServer.onH2(work, serverUrl)) {
            System.out.println("kiosk-server " + server.uri() + " on " + file + " (log " + server.log() + ")");
            SuojaApi sapi = new SuojaApi(server.uri());
            String admin = sapi.login("admin", server.adminPassword());
            long site = sapi.createSite(admin, "Benchmark Library", "UTC", BookingBenchmark.generousRules());
            for (int i = 0; i < rooms; i++) {
                roomIds[i] = sapi.createRoom(admin, site, "bench-" + (i + 1), "00:00", "23:55");
            }
            SuojaApi.Kiosk kiosk = sapi.createKiosk(admin, site, "Benchmark kiosk");
            kioskId = kiosk.id();
            load = new Load(new Slots(rooms, BookingBenchmark.MAX_DAYS_AHEAD), roomIds, server.process().process().toHandle());
            Booker.Opener viaApi = () -> new ApiBooker(server.uri(), kiosk.token());
            try (Connection control = DriverManager.getConnection(serverUrl, "sa", "")) {
                System.out.println("server's WRITE_DELAY at start: " + writeDelay(control));
                setWriteDelay(control, 0);
                load.run(viaApi, Math.min(rooms, 16), WARM_UP);
                for (int clients : levels) {
                    setWriteDelay(control, 0);
                    Load.Result durable = load.run(viaApi, clients, perLevel);
                    setWriteDelay(control, 500);
                    Load.Result delayed = load.run(viaApi, clients, perLevel);
                    api.put(clients, new Load.Result[] {durable, delayed});
                    System.out.printf(Locale.ROOT, "API %d clients: WRITE_DELAY=0 %.0f/s, 500 %.0f/s%n", clients,
                            durable.perSecond(), delayed.perSecond());
                }
                setWriteDelay(control, 0);
            }
        }

        Table table = new Table("clients", "API 0 /s", "API 500 /s", "API 0/500", "JDBC 0 /s", "JDBC 500 /s", "JDBC 0/500",
                "API/JDBC (0)", "API p50 ms 0", "API p50 ms 500", "p50 0/500", "JDBC p50 ms 0", "JDBC p50 ms 500");
        for (int clients : levels) {
            Load.Result jdbcDurable = jdbc(load, file, 0, kioskId, clients, perLevel);
            Load.Result jdbcDelayed = jdbc(load, file, 500, kioskId, clients, perLevel);
            Load.Result durable = api.get(clients)[0];
            Load.Result delayed = api.get(clients)[1];
            System.out.printf(Locale.ROOT, "JDBC %d clients: WRITE_DELAY=0 %.0f/s, 500 %.0f/s%n", clients,
                    jdbcDurable.perSecond(), jdbcDelayed.perSecond());
            table.row(clients, Math.round(durable.perSecond()), Math.round(delayed.perSecond()),
                    Table.ratio(durable.perSecond() / delayed.perSecond()),
                    Math.round(jdbcDurable.perSecond()), Math.round(jdbcDelayed.perSecond()),
                    Table.ratio(jdbcDurable.perSecond() / jdbcDelayed.perSecond()),
                    Table.ratio(durable.perSecond() / jdbcDurable.perSecond()),
                    Table.ms(durable.latencies().p50()), Table.ms(delayed.latencies().p50()),
                    Table.ratio(durable.latencies().p50() / delayed.latencies().p50()),
                    Table.ms(jdbcDurable.latencies().p50()), Table.ms(jdbcDelayed.latencies().p50()));
        }
        System.out.println();
        System.out.println("Booking creation on the H2 file: WRITE_DELAY=0 (each commit in the file before it returns) against H2's"
                + " default 500 ms, through kiosk-server's API and as bare JDBC inserts of the same rows, same file, same run");
        System.out.println("  ratios 0/500 below 1 (throughput) and above 1 (latency) are what durable commits cost");
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("Repeat: bench/booking/run.sh h2 " + perLevel + " " + levelText);
    }

    /** Bare inserts embedded in this process on the server's file, after the server has stopped. */
    private static Load.Result jdbc(Load load, String file, int writeDelay, long kioskId, int clients, int bookings) throws Exception {
        String url = "jdbc:h2:file:" + file + SETTINGS + ";WRITE_DELAY=" + writeDelay;
        // one connection stays open so the database is not closed and reopened between clients
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            if (writeDelay(keep) != writeDelay) {
                throw new IllegalStateException("H2 did not take WRITE_DELAY=" + writeDelay);
            }
            load.run(() -> new JdbcBooker(DriverManager.getConnection(url, "sa", ""), kioskId), clients, WARM_UP / 3);
            return load.run(() -> new JdbcBooker(DriverManager.getConnection(url, "sa", ""), kioskId), clients, bookings);
        }
    }

    private static void setWriteDelay(Connection c, int millis) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY " + millis);
        }
        if (writeDelay(c) != millis) {
            throw new IllegalStateException("the server's database did not take WRITE_DELAY " + millis);
        }
    }

    private static int writeDelay(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")) {
            r.next();
            return Integer.parseInt(r.getString(1));
        }
    }
}
