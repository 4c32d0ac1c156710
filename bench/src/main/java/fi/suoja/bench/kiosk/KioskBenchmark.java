package fi.suoja.bench.kiosk;

import fi.suoja.bench.measure.CpuMeter;
import fi.suoja.bench.measure.Latencies;
import fi.suoja.bench.measure.Table;
import fi.suoja.bench.scene.KioskServer;
import fi.suoja.bench.scene.KioskUi;
import fi.suoja.bench.scene.Pause;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kiosk in headless Chromium: the time from a tap to the next screen, p50 and p95, with one
 * kiosk and with many at once, against a baseline in the same run and the same browser: a bare page
 * of the same UI server whose tap swaps the screen after one fetch round trip to that server.
 *
 * <p>Every kiosk is a Chromium window on a host name of its own (127.0.0.N), so each has its own
 * cookies and so its own Vaadin session, as separate touchscreens would; they share one kiosk-ui
 * process and its one kiosk token, as the kiosks of one library share their UI server.
 *
 * <p>Usage: {@code KioskBenchmark [loops with one kiosk=10] [kiosks at once=50] [loops per kiosk then=2]},
 * run from the repository's root (see bench/kiosk/run.sh).
 */
public final class KioskBenchmark {

    /** One loop: start → Book → Now (asks kiosk-server for free rooms) → Back → Start again. */
    static final List<List<String>> PATH = List.of(
            List.of("book", "when", "#when-now"),
            List.of("when-now", "rooms", "#screen [id^='room-']"),
            List.of("back", "when", "#when-now"),
            List.of("start-again", "start", "#book"));
    static final int THINK_MIN_MS = 300;
    static final int THINK_MAX_MS = 900;
    static final int TAP_LIMIT_MS = 30_000;
    static final String RESOURCE = "/kiosk.css";

    private static final String TAP_LOOP = resource("tap-loop.js");
    private static final String BASELINE_PAGE = resource("baseline-page.js");

    private final Chromium chromium;
    private final int port;

    private KioskBenchmark(Chromium chromium, int port) {
        this.chromium = chromium;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        int singleLoops = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kiosks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int manyLoops = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (kiosks < 1 || kiosks > 250) {
            throw new IllegalArgumentException("1 to 250 kiosks: each gets an address 127.0.0.N");
        }
        String repeat = "bench/kiosk/run.sh " + singleLoops + " " + kiosks + " " + manyLoops;

        Path work = Files.createTempDirectory("suoja-bench-kiosk");
        try (KioskServer server = KioskServer.onH2(work)) {
            SuojaApi api = new SuojaApi(server.uri());
            String admin = api.login("admin", server.adminPassword());
            SuojaApi.Kiosk kiosk = api.benchmarkLibrary(admin);
            try (KioskUi ui = KioskUi.start(server.uri(), kiosk.token(), work);
                 Chromium chromium = new Chromium()) {
                System.out.println("kiosk-server " + server.uri() + " (H2, log " + server.log() + "), kiosk-ui on port "
                        + ui.port() + " (log " + ui.log() + "); baseline resource " + RESOURCE + " of "
                        + resourceSize(ui.port()) + " bytes");
                new KioskBenchmark(chromium, ui.port()).run(singleLoops, kiosks, manyLoops, repeat);
            }
        }
    }

    private void run(int singleLoops, int kiosks, int manyLoops, String repeat) throws Exception {
        System.out.println("warming up: the kiosk and the baseline page, 8 loops each in one window");
        openKiosk(0);
        phase(1, 0, 8, 50, 100);
        openBaseline(0);
        phase(1, 0, 8, 50, 100);

        Map<Integer, Taps[]> results = new LinkedHashMap<>();
        for (int count : new int[] {1, kiosks}) {
            int loops = count == 1 ? singleLoops : manyLoops;
            chromium.windows(count);
            long started = System.nanoTime();
            for (int w = 0; w < count; w++) {
                openBaseline(w);
            }
            Taps baseline = phase(count, 1, loops, THINK_MIN_MS, THINK_MAX_MS);
            for (int w = 0; w < count; w++) {
                chromium.startOpening(w, kioskUrl(w));
            }
            for (int w = 0; w < count; w++) {
                awaitStartScreen(w);
            }
            Taps vaadin = phase(count, 1, loops, THINK_MIN_MS, THINK_MAX_MS);
            results.put(count, new Taps[] {vaadin, baseline});
            System.out.printf(Locale.ROOT, "%d kiosk(s): kiosk p50 %s p95 %s ms, baseline p50 %s p95 %s ms (%d taps each, %.0f s)%n",
                    count, Table.ms(vaadin.latencies().p50()), Table.ms(vaadin.latencies().percentile(95)),
                    Table.ms(baseline.latencies().p50()), Table.ms(baseline.latencies().percentile(95)),
                    vaadin.count(), (System.nanoTime() - started) / 1e9);
            System.out.println("  kiosk " + vaadin.windowSpread() + "; baseline " + baseline.windowSpread());
            System.out.println("  CPU while the kiosks tapped: " + vaadin.cpu() + "; while the baseline tapped: " + baseline.cpu());
        }
        report(results, repeat);
    }

    /** Starts the tap loop in the first {@code windows} windows at once and gathers what they measured. */
    private Taps phase(int windows, int warmLoops, int loops, int thinkMin, int thinkMax) throws Exception {
        CpuMeter before = CpuMeter.now();
        for (int w = 0; w < windows; w++) {
            chromium.run(w, TAP_LOOP, PATH, warmLoops, loops, thinkMin, thinkMax, TAP_LIMIT_MS);
        }
        Taps taps = new Taps();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        for (int w = 0; w < windows; w++) {
            while (!Boolean.TRUE.equals(chromium.run(w, "return window.__bench.done;"))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("window " + (w + 1) + " did not finish its taps within 5 minutes");
                }
                Thread.sleep(500);
            }
            taps.add(w, SuojaApi.JSON.readTree((String) chromium.run(w, "return JSON.stringify(window.__bench);")));
        }
        int expected = windows * loops * PATH.size();
        if (taps.count() != expected) {
            throw new IllegalStateException("measured " + taps.count() + " taps, expected " + expected);
        }
        taps.cpu(CpuMeter.now().coresSince(before));
        return taps;
    }

    private String host(int window) {
        return "http://127.0.0." + (window + 1) + ":" + port;
    }

    private String kioskUrl(int window) {
        return host(window) + "/";
    }

    private void openKiosk(int window) {
        chromium.open(window, kioskUrl(window));
        awaitStartScreen(window);
    }

    /** The baseline page in a window: the UI server's static resource, turned into the bare screens. */
    private void openBaseline(int window) {
        chromium.open(window, host(window) + RESOURCE);
        chromium.run(window, BASELINE_PAGE, RESOURCE);
    }

    private void awaitStartScreen(int window) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!Boolean.TRUE.equals(chromium.run(window, "const m = document.getElementById('screen');"
                + " return m !== null && m.getAttribute('data-screen') === 'start' && document.getElementById('book') !== null;"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("window " + (window + 1) + " did not show the kiosk's start screen in 90 s");
            }
            Pause.millis(200);
        }
    }

    private void report(Map<Integer, Taps[]> results, String repeat) {
        System.out.println();
        System.out.println("Kiosk: tap to next screen in headless Chromium, the real kiosk against a bare round trip, same run");
        System.out.println("  path, looped: start -book-> when -when-now-> rooms -back-> when -start-again-> start;"
                + " " + THINK_MIN_MS + "-" + THINK_MAX_MS + " ms between taps; first loop of each window not measured");
        System.out.println("  measured: performance.now() at the click event to the next screen's data-screen and marker element"
                + " in the DOM (MutationObserver)");
        System.out.println("  kiosk:    kiosk-ui (Vaadin, push over WebSocket) with kiosk-server (H2); 'Now' asks the server for free rooms");
        System.out.println("  baseline: a bare page on the same UI server (same origin); a tap fetches " + RESOURCE
                + " (no cache) and swaps #screen when the body has arrived");
        System.out.println("  each kiosk a window on its own host 127.0.0.N (own Vaadin session), one kiosk-ui and one kiosk token");
        System.out.println();
        Table table = new Table("kiosks", "taps", "kiosk p50 ms", "kiosk p95 ms", "baseline p50 ms", "baseline p95 ms",
                "p50 kiosk/baseline", "p95 kiosk/baseline");
        results.forEach((kiosks, taps) -> {
            Latencies vaadin = taps[0].latencies();
            Latencies bare = taps[1].latencies();
            table.row(kiosks, taps[0].count(), Table.ms(vaadin.p50()), Table.ms(vaadin.percentile(95)),
                    Table.ms(bare.p50()), Table.ms(bare.percentile(95)),
                    Table.ratio(vaadin.p50() / bare.p50()), Table.ratio(vaadin.percentile(95) / bare.percentile(95)));
        });
        System.out.print(table);
        System.out.println();
        Table perTap = new Table("kiosks", "tap", "kiosk p50 ms", "kiosk p95 ms", "baseline p50 ms", "baseline p95 ms");
        results.forEach((kiosks, taps) -> {
            Map<String, Latencies> bare = taps[1].perButton();
            taps[0].perButton().forEach((button, vaadin) -> perTap.row(kiosks, button,
                    Table.ms(vaadin.p50()), Table.ms(vaadin.percentile(95)),
                    Table.ms(bare.get(button).p50()), Table.ms(bare.get(button).percentile(95))));
        });
        System.out.print(perTap);
        System.out.println();
        System.out.println("CPU used while tapping (cores = CPU seconds per second; the machine has "
                + Runtime.getRuntime().availableProcessors() + ", shared with everything else running on it):");
        results.forEach((kiosks, taps) -> {
            System.out.println("  " + kiosks + " kiosk(s), kiosk:    " + taps[0].cpu());
            System.out.println("  " + kiosks + " kiosk(s), baseline: " + taps[1].cpu());
        });
        System.out.printf(Locale.ROOT, "  load average at the end: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println("Repeat: " + repeat);
    }

    private static long resourceSize(int port) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + RESOURCE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the UI server answers " + answer.statusCode() + " for " + RESOURCE);
        }
        return answer.body().length;
    }

    private static String resource(String name) {
        try (InputStream in = KioskBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
