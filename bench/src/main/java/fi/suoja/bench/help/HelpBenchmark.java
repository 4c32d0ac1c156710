package fi.suoja.bench.help;

import fi.suoja.bench.kiosk.Chromium;
import fi.suoja.bench.measure.Latencies;
import fi.suoja.bench.measure.Table;
import fi.suoja.bench.scene.KioskServer;
import fi.suoja.bench.scene.KioskUi;
import fi.suoja.bench.scene.Pause;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A visitor's help tap to the alert on the staff desks, p50 and p95: the kiosk's API call
 * ({@code POST /api/v1/help-calls} with the kiosk's token) to the call's item in the DOM of every
 * desk, each desk a Chromium window (on a host 127.0.0.N of its own) logged in to the real kiosk-ui's
 * {@code /staff}. Beside it, the
 * same calls as the server's event stream hands them to a plain client (what kiosk-ui's desk reads
 * before it pushes to the browser), and the baseline of the same run: the tap's own round trip,
 * the time the kiosk waits for the server's answer.
 *
 * <p>A MutationObserver in each desk window writes down {@code Date.now()} when an item
 * {@code #help-call-<id>} appears; the tap's start is {@code System.currentTimeMillis()} in this
 * process, on the same machine and clock. Each call is resolved (as staff would) once every desk has
 * it, so the desks' lists stay short.
 *
 * <p>Usage: {@code HelpBenchmark [calls=100] [desks=3]}, run from the repository's root (see
 * bench/help/run.sh).
 */
public final class HelpBenchmark {

    static final int WARM_UP = 10;
    static final Duration LIMIT = Duration.ofSeconds(30);

    /** Writes down when each help call's item first appears in the desk's page. */
    static final String OBSERVER = """
            window.suojaSeen = window.suojaSeen || {};
            const note = () => document.querySelectorAll('[id^="help-call-"]').forEach(item => {
              const id = item.id.substring('help-call-'.length);
              if (!(id in window.suojaSeen)) { window.suojaSeen[id] = Date.now(); }
            });
            new MutationObserver(note).observe(document.body, {childList: true, subtree: true});
            note();
            return true;
            """;

    private HelpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int desks = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (calls < 1 || desks < 1 || desks > 20) {
            throw new IllegalArgumentException("at least one call, 1 to 20 desks");
        }
        Path work = Files.createTempDirectory("suoja-bench-help");
        try (KioskServer server = KioskServer.onH2(work)) {
            SuojaApi api = new SuojaApi(server.uri());
            String admin = api.login("admin", server.adminPassword());
            long site = api.createSite(admin, "Benchmark Library", "Europe/Helsinki", SuojaApi.defaultRules());
            api.createRoom(admin, site, "Room 1", "00:00", "23:55");
            SuojaApi.Kiosk kiosk = api.createKiosk(admin, site, "Benchmark kiosk");
            try (KioskUi ui = KioskUi.start(server.uri(), kiosk.token(), work);
                 Chromium chromium = new Chromium();
                 Streams streams = Streams.open(server.uri(), site, admin, desks)) {
                System.out.println("kiosk-server " + server.uri() + " (H2, log " + server.log() + "), kiosk-ui on port "
                        + ui.port() + " (log " + ui.log() + ")");
                chromium.windows(desks);
                for (int desk = 0; desk < desks; desk++) {
                    logIn(chromium, desk, ui.port(), server.adminPassword());
                }
                System.out.println(desks + " desk(s) logged in; warming up with " + WARM_UP + " calls");
                Run warm = new Run(api, kiosk.token(), admin, chromium, streams, desks);
                for (int i = 0; i < WARM_UP; i++) {
                    warm.call();
                }
                Run run = new Run(api, kiosk.token(), admin, chromium, streams, desks);
                long started = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    run.call();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                report(run, calls, desks, seconds);
            }
        }
    }

    private static void logIn(Chromium chromium, int desk, int port, String password) {
        // each desk on a host name of its own (127.0.0.N), so each has its own cookies and staff session
        chromium.open(desk, "http://127.0.0." + (desk + 1) + ":" + port + "/staff/login");
        waitFor(chromium, desk, "document.querySelector('#login-username input') !== null", "the login page");
        chromium.run(desk, """
                const set = (id, value) => { const input = document.querySelector('#' + id + ' input'); input.value = value;
                  input.dispatchEvent(new Event('input', {bubbles: true})); input.dispatchEvent(new Event('change', {bubbles: true})); };
                set('login-username', 'admin'); set('login-password', arguments[0]);
                """, password);
        Pause.millis(300);
        chromium.run(desk, "document.getElementById('login').click();");
        waitFor(chromium, desk, "document.getElementById('today-heading') !== null", "the desk after login");
        chromium.run(desk, OBSERVER);
    }

    static void waitFor(Chromium chromium, int desk, String condition, String what) {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(chromium.run(desk, "return " + condition + ";"))) {
                return;
            }
            Pause.millis(50);
        }
        throw new IllegalStateException("desk " + desk + ": waited " + LIMIT.toSeconds() + " s in vain for " + what);
    }

    private static void report(Run run, int calls, int desks, double seconds) {
        Latencies browser = new Latencies(run.browser().stream().mapToDouble(Double::doubleValue).toArray());
        Latencies stream = new Latencies(run.stream().stream().mapToDouble(Double::doubleValue).toArray());
        Latencies tap = new Latencies(run.tap().stream().mapToDouble(Double::doubleValue).toArray());
        System.out.println();
        System.out.println("Help tap to desk alert: kiosk API call to the call's item on every desk, same run");
        System.out.println("  desk page: the item #help-call-<id> in the DOM of each Chromium window on kiosk-ui's /staff"
                + " (server event -> kiosk-ui -> Vaadin push over WebSocket)");
        System.out.println("  desk stream: the help-call event on a plain client of /api/v1/help-calls/events (what kiosk-ui reads)");
        System.out.println("  baseline: the tap's own round trip, POST /api/v1/help-calls until the server's 201");
        System.out.println();
        Table table = new Table("what", "samples", "p50 ms", "p95 ms", "max ms", "p95 / baseline p95");
        table.row("desk page", browser.count(), Table.ms(browser.p50()), Table.ms(browser.percentile(95)),
                Table.ms(browser.percentile(100)), Table.ratio(browser.percentile(95) / tap.percentile(95)));
        table.row("desk stream", stream.count(), Table.ms(stream.p50()), Table.ms(stream.percentile(95)),
                Table.ms(stream.percentile(100)), Table.ratio(stream.percentile(95) / tap.percentile(95)));
        table.row("baseline (tap round trip)", tap.count(), Table.ms(tap.p50()), Table.ms(tap.percentile(95)),
                Table.ms(tap.percentile(100)), Table.ratio(1));
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%d calls, %d desk(s), %.0f s; goal: desk page p95 < 1000 ms: %s%n", calls, desks, seconds,
                browser.percentile(95) < 1000 ? "met" : "NOT met");
        System.out.println("repeat: bench/help/run.sh " + calls + " " + desks);
    }

    /** One run of calls, one after another, each measured on every desk. */
    private record Run(SuojaApi api, String kioskToken, String staffToken, Chromium chromium, Streams streams, int desks,
                       List<Double> browser, List<Double> stream, List<Double> tap) {

        Run(SuojaApi api, String kioskToken, String staffToken, Chromium chromium, Streams streams, int desks) {
            this(api, kioskToken, staffToken, chromium, streams, desks, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void call() {
            long startedAt = System.currentTimeMillis();
            long started = System.nanoTime();
            long id = api.call("POST", "/api/v1/help-calls", kioskToken, Map.of("screen", "ROOMS", "language", "fi"), 201)
                    .path("id").asLong();
            tap.add((System.nanoTime() - started) / 1e6);
            for (Long at : streams.await(id)) {
                stream.add((double) (at - startedAt));
            }
            for (int desk = 0; desk < desks; desk++) {
                waitFor(chromium, desk, "window.suojaSeen['" + id + "'] !== undefined", "help call " + id);
                Number seen = (Number) chromium.run(desk, "return window.suojaSeen[arguments[0]];", Long.toString(id));
                browser.add((double) (seen.longValue() - startedAt));
            }
            api.call("POST", "/api/v1/help-calls/" + id + "/resolve", staffToken, null, 200);
        }
    }

    /** Plain clients of the desk's help call stream, each noting when every call first came. */
    private static final class Streams implements AutoCloseable {

        private final List<Map<Long, Long>> arrivals = new ArrayList<>();
        private final List<HttpResponse<Stream<String>>> responses = new ArrayList<>();

        static Streams open(URI server, long site, String token, int count) throws IOException, InterruptedException {
            Streams streams = new Streams();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < count; i++) {
                HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                                server.resolve("/api/v1/help-calls/events?siteId=" + site))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the help call stream answered " + response.statusCode());
                }
                Map<Long, Long> seen = new ConcurrentHashMap<>();
                streams.arrivals.add(seen);
                streams.responses.add(response);
                Thread reader = new Thread(() -> read(response, seen), "help-stream-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            return streams;
        }

        /** Notes the arrival of each help-call event's call id (its {@code id:} field) when the event is whole. */
        private static void read(HttpResponse<Stream<String>> response, Map<Long, Long> seen) {
            String event = "";
            String id = null;
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.isEmpty()) {
                        // an event ends with an empty line; its fields may come in any order
                        if (event.equals("help-call") && id != null) {
                            seen.putIfAbsent(Long.parseLong(id), System.currentTimeMillis());
                        }
                        event = "";
                        id = null;
                    }
                }
            } catch (RuntimeException e) {
                // closed at the end of the run
            }
        }

        /** When each stream got the call. */
        List<Long> await(long id) {
            long end = System.nanoTime() + LIMIT.toNanos();
            List<Long> at = new ArrayList<>();
            for (Map<Long, Long> seen : arrivals) {
                while (!seen.containsKey(id)) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("help call " + id + " did not come on the stream in " + LIMIT.toSeconds() + " s");
                    }
                    Pause.millis(5);
                }
                at.add(seen.get(id));
            }
            return at;
        }

        @Override
        public void close() {
            responses.forEach(response -> response.body().close());
        }
    }
}
