package fi.suoja.bench.kiosk;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kiosk UI capacity: how many kiosks one kiosk-ui process serves with a tap's p95 under 100 ms,
 * and the CPU and memory a kiosk costs it. The kiosks are played at the protocol level
 * ({@link UidlKiosk}: Flow's UIDL requests over HTTP, each kiosk with its own Vaadin session, its
 * push WebSocket, a poll every second and a visitor's taps), so no browser has to play them all on
 * this machine's two cores; one real Chromium only times the first kiosk page.
 *
 * <p>In steps of more kiosks at once, each step: first the baseline, as many bare clients with the
 * same rhythm fetching a static resource of the same server (the kiosks paused); then the kiosks
 * (the last step's stay, new ones join), a warm-up, and a measured window: tap p50/p95/p99, the
 * CPU of kiosk-ui, kiosk-server and this generator from {@code /proc}; after it two Chromium first
 * pages with those kiosks running, one cached and one from a new browser profile (an empty cache,
 * as a kiosk PC set up anew), and kiosk-ui's heap after a full GC and its RSS. The empty-cache page
 * at the very start meets a kiosk-ui that has just started; the steps' pages meet it warm. It stops after
 * the first step whose tap p95 is over 100 ms (or that had any wrong answer).
 *
 * <p>Usage: {@code UiLoad [kiosks per step=10,25,50,100,200,400,800] [seconds measured per step=20]
 * [think time ms=1000-3000] [stop after a step with tap p95 over ms=100]}; the last only to see
 * how the costs grow past the goal on a machine too busy to meet it, run from the repository's root (see bench/uiload/run.sh).
 */
public final class UiLoad {

    static final double TAP_P95_GOAL_MS = 100;
    static final double FIRST_PAGE_GOAL_MS = 1000;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    /** Long enough for the JIT to be mostly done (at 45 s its threads still took half of kiosk-ui's CPU at 25 kiosks). */
    static final Duration FIRST_WARM_UP = Duration.ofSeconds(120);
    static final int OPENERS = 4;

    private static final String FIRST_SCREEN = resource("first-screen.js");
    private static final String FIRST_SCREEN_PARTS = resource("first-screen-parts.js");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final ProcessUsage ui;
    private final ProcessUsage server;
    private final ProcessUsage generator = ProcessUsage.self();
    private final Chromium chromium;
    private final Duration window;
    private final int thinkMin;
    private final int thinkMax;
    private final Visits kiosks;
    private final AtomicInteger pushes = new AtomicInteger();
    private final List<UidlKiosk> open = new ArrayList<>();
    private final List<Thread> players = new ArrayList<>();

    private UiLoad(URI base, ProcessUsage ui, ProcessUsage server, Chromium chromium, Duration window, int thinkMin, int thinkMax) {
        this.base = base;
        this.ui = ui;
        this.server = server;
        this.chromium = chromium;
        this.window = window;
        this.thinkMin = thinkMin;
        this.thinkMax = thinkMax;
        this.kiosks = new Visits(thinkMin, thinkMax);
    }

    public static void main(String[] args) throws Exception {
        int[] steps = Arrays.stream((args.length > 0 ? args[0] : "10,25,50,100,200,400,800").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String[] think = (args.length > 2 ? args[2] : "1000-3000").split("-");
        int thinkMin = Integer.parseInt(think[0]);
        int thinkMax = Integer.parseInt(think[1]);
        double stopAbove = args.length > 3 ? Double.parseDouble(args[3]) : TAP_P95_GOAL_MS;
        String repeat = "bench/uiload/run.sh " + String.join(",", Arrays.stream(steps).mapToObj(Integer::toString).toList())
                + " " + seconds + " " + thinkMin + "-" + thinkMax + (args.length > 3 ? " " + args[3] : "");
        System.out.println("Start " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load average " + loadAverage()
                + " (the machine is shared with other builds and benchmarks)");

        Path work = Files.createTempDirectory("suoja-bench-uiload");
        try (KioskServer kioskServer = KioskServer.onH2(work)) {
            SuojaApi api = new SuojaApi(kioskServer.uri());
            SuojaApi.Kiosk kiosk = api.benchmarkLibrary(api.login("admin", kioskServer.adminPassword()));
            try (KioskUi kioskUi = KioskUi.start(kioskServer.uri(), kiosk.token(), work);
                 Chromium chromium = new Chromium()) {
                System.out.println("kiosk-server " + kioskServer.uri() + " (H2, log " + kioskServer.log() + "), kiosk-ui on port "
                        + kioskUi.port() + " (-Xmx384m, log " + kioskUi.log() + ")");
                UiLoad load = new UiLoad(URI.create("http://127.0.0.1:" + kioskUi.port()),
                        new ProcessUsage(kioskUi.process().process().pid()), new ProcessUsage(kioskServer.process().process().pid()),
                        chromium, Duration.ofSeconds(seconds), thinkMin, thinkMax);
                try {
                    load.run(steps, stopAbove, repeat);
                } finally {
                    load.stopAll();
                }
            }
        }
    }

    /** What one step measured. */
    private record Step(int kiosks, Latencies taps, Latencies polls, Map<String, Latencies> byTap, Latencies bare,
                        Latencies opens, double seconds, double uiCpu, double uiJitCpu, double serverCpu, double generatorCpu,
                        double bareUiCpu, double bareGeneratorCpu, double rssMib, double heapMib, FirstPage firstPage,
                        FirstPage emptyCache, String load) {

        double p95() {
            return taps.percentile(95);
        }
    }

    private void run(int[] steps, double stopAbove, String repeat) throws Exception {
        chromium.beforeEveryPage(0, FIRST_SCREEN);
        FirstPage cold = firstPage(chromium);
        FirstPage warm = firstPage(chromium);
        System.out.println("Chromium, first kiosk page, no other kiosk, kiosk-ui just started, empty cache: " + cold.line());
        System.out.println("Chromium, first kiosk page, no other kiosk, kiosk-ui just started, cached:      " + warm.line());
        // after Chromium's pages, so that what Vaadin sets up once (routes, translations, caches) is not counted per kiosk
        double heapAtStart = ui.heapAfterGcMib();
        double rssAtStart = ui.rssMib();
        System.out.printf(Locale.ROOT, "kiosk-ui with only Chromium's page: live heap %.1f MiB, RSS %.0f MiB%n", heapAtStart, rssAtStart);

        List<Step> done = new ArrayList<>();
        String stopped = "all steps done";
        for (int count : steps) {
            Step step;
            try {
                step = step(count, done.isEmpty());
            } catch (Exception e) {
                // an overloaded server is a result too: what was measured so far is still reported
                stopped = count + " kiosks failed: " + (e.getCause() != null ? e.getCause() : e);
                break;
            }
            done.add(step);
            System.out.printf(Locale.ROOT, "%d kiosks: tap p50 %s p95 %s p99 %s ms (%d taps), baseline p95 %s ms;"
                            + " kiosk-ui %.2f cores, generator %.2f cores; live heap %.1f MiB, RSS %.0f MiB; first page %s ms"
                            + " (empty cache %s ms); load %s%n",
                    count, Table.ms(step.taps().p50()), Table.ms(step.p95()), Table.ms(step.taps().percentile(99)),
                    step.taps().count(), Table.ms(step.bare().percentile(95)), step.uiCpu() / step.seconds(),
                    step.generatorCpu() / step.seconds(), step.heapMib(), step.rssMib(), Table.ms(step.firstPage().ms()),
                    Table.ms(step.emptyCache().ms()), step.load());
            if (!kiosks.failures().isEmpty()) {
                stopped = "wrong answers: " + kiosks.failures().size() + ", the first: " + kiosks.failures().get(0).why();
                break;
            }
            if (step.p95() > stopAbove) {
                stopped = "tap p95 over " + Table.ms(stopAbove) + " ms at " + count + " kiosks";
                break;
            }
        }
        report(done, heapAtStart, rssAtStart, cold, warm, stopped, repeat);
    }

    private Step step(int count, boolean first) throws Exception {
        // the baseline: as many bare clients with the kiosks' rhythm, the kiosks quiet meanwhile
        kiosks.pause(true);
        Visits bare = new Visits(thinkMin, thinkMax);
        long cssLength = BareClient.length(http, base);
        List<Thread> bareThreads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BareClient client = new BareClient(http, base, bare, cssLength);
            bareThreads.add(start("bare-" + i, () -> bare.play("bare client", client)));
        }
        Pause.millis(WARM_UP.toMillis() / 2);
        double bareUi = ui.cpuSeconds();
        double bareGenerator = generator.cpuSeconds();
        long bareFrom = System.nanoTime();
        Pause.millis(window.toMillis());
        long bareTo = System.nanoTime();
        bareUi = ui.cpuSeconds() - bareUi;
        bareGenerator = generator.cpuSeconds() - bareGenerator;
        bare.stop();
        for (Thread thread : bareThreads) {
            thread.join();
        }
        if (!bare.failures().isEmpty()) {
            throw new IllegalStateException("the baseline failed: " + bare.failures().get(0).why());
        }
        kiosks.pause(false);

        Latencies opens = openKiosks(count);
        Pause.millis((first ? FIRST_WARM_UP : WARM_UP).toMillis());

        String loadBefore = loadAverage();
        double uiCpu = ui.cpuSeconds();
        double uiJit = ui.jitCpuSeconds();
        double serverCpu = server.cpuSeconds();
        double generatorCpu = generator.cpuSeconds();
        long from = System.nanoTime();
        Pause.millis(window.toMillis());
        long to = System.nanoTime();
        uiCpu = ui.cpuSeconds() - uiCpu;
        uiJit = ui.jitCpuSeconds() - uiJit;
        serverCpu = server.cpuSeconds() - serverCpu;
        generatorCpu = generator.cpuSeconds() - generatorCpu;
        String load = loadBefore + "–" + loadAverage();

        Latencies taps = kiosks.between(from, to, false);
        if (taps == null) {
            throw new IllegalStateException(count + " kiosks made no tap in " + window.toSeconds() + " s: " + kiosks.failures());
        }
        FirstPage firstPage = firstPage(chromium);
        FirstPage emptyCache = firstPageEmptyCache();
        double heap = ui.heapAfterGcMib();
        double rss = ui.rssMib();
        return new Step(count, taps, kiosks.between(from, to, true), kiosks.byTap(from, to), bare.between(bareFrom, bareTo, false),
                opens, (to - from) / 1e9, uiCpu, uiJit, serverCpu, generatorCpu, bareUi, bareGenerator, rss, heap, firstPage, emptyCache, load);
    }

    /** Opens kiosks until {@code count} are open, a few at a time, and starts each one's visitor. */
    private Latencies openKiosks(int count) throws Exception {
        int from = open.size();
        if (count <= from) {
            return null;
        }
        ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
        try {
            List<Future<Double>> opened = new ArrayList<>();
            for (int i = from; i < count; i++) {
                String name = "kiosk-" + (i + 1);
                UidlKiosk kiosk = new UidlKiosk(name, http, base, kiosks, pushes);
                synchronized (open) {
                    open.add(kiosk);
                }
                opened.add(openers.submit(() -> {
                    double ms = kiosk.open(true);
                    synchronized (players) {
                        players.add(start(name, () -> kiosks.play(name, kiosk)));
                    }
                    return ms;
                }));
            }
            double[] ms = new double[opened.size()];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = opened.get(i).get();
            }
            return new Latencies(ms);
        } finally {
            openers.shutdown();
        }
    }

    /**
     * One first load of the kiosk page in Chromium: navigation start to the start screen drawn
     * (see first-screen.js), then the window is emptied so that it is no kiosk of the load.
     */
    private FirstPage firstPage(Chromium browser) {
        browser.open(0, base + "/");
        Instant deadline = Instant.now().plusSeconds(60);
        Object drawn;
        while ((drawn = browser.run(0, "return window.__screenDrawn === undefined ? null : window.__screenDrawn;")) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Chromium did not show the kiosk's start screen within 60 s");
            }
            Pause.millis(50);
        }
        String parts = (String) browser.run(0, FIRST_SCREEN_PARTS);
        browser.open(0, "about:blank");
        return new FirstPage(((Number) drawn).doubleValue(), parts);
    }

    /**
     * A first kiosk page in a Chromium with a new profile: nothing in its HTTP cache or its code
     * cache, as a kiosk PC set up anew or with its cache cleared. Chromium's own start is not counted.
     */
    private FirstPage firstPageEmptyCache() throws IOException {
        try (Chromium fresh = new Chromium()) {
            fresh.beforeEveryPage(0, FIRST_SCREEN);
            return firstPage(fresh);
        }
    }

    /** A first kiosk page in Chromium: navigation start to start screen drawn, and where the time went. */
    record FirstPage(double ms, String parts) {
        String line() {
            try {
                var p = SuojaApi.JSON.readTree(parts);
                return String.format(Locale.ROOT, "%s ms (HTML in at %.0f, bundles at %.0f, init answered at %.0f,"
                                + " first UIDL sent at %.0f and answered at %.0f, screen in DOM at %.0f)", Table.ms(ms),
                        p.path("html").asDouble(), p.path("bundles").asDouble(), p.path("init").asDouble(),
                        p.path("firstUidlSent").asDouble(), p.path("firstUidl").asDouble(), p.path("inDom").asDouble());
            } catch (IOException e) {
                return Table.ms(ms) + " ms (" + parts + ")";
            }
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void stopAll() throws InterruptedException {
        kiosks.stop();
        List<Thread> all;
        synchronized (players) {
            all = List.copyOf(players);
        }
        for (Thread thread : all) {
            thread.join(UidlKiosk.ANSWER_WITHIN.toMillis() * 2);
        }
        synchronized (open) {
            open.forEach(UidlKiosk::close);
        }
    }

    private void report(List<Step> steps, double heapAtStart, double rssAtStart, FirstPage cold, FirstPage warm,
                        String stopped, String repeat) {
        System.out.println();
        System.out.println("Kiosk UI capacity: kiosks played over HTTP (Flow's UIDL requests, no browser), one kiosk-ui process");
        System.out.println("  each kiosk: own Vaadin session and push WebSocket, a poll every second, a visitor's taps "
                + thinkMin + "-" + thinkMax + " ms apart:");
        System.out.println("  lang-sv (start, in Swedish) -> book (when) -> when-now (rooms; asks kiosk-server) -> back (when)"
                + " -> start-again (start); each answer checked for the next screen");
        System.out.println("  tap: UIDL request sent -> whole answer received, at the generator; window " + window.toSeconds()
                + " s per step after a warm-up; the kiosks of a step stay for the next");
        System.out.println("  baseline: as many bare clients, same rhythm, each request " + BareClient.RESOURCE
                + " of the same server (no cache), the kiosks paused");
        System.out.println();
        Table latency = new Table("kiosks", "taps", "tap p50 ms", "tap p95 ms", "tap p99 ms", "poll p95 ms",
                "baseline p50 ms", "baseline p95 ms", "p95 tap/baseline", "open p95 ms", "Chromium first page ms",
                "Chromium first page, empty cache ms");
        for (Step s : steps) {
            latency.row(s.kiosks(), s.taps().count(), Table.ms(s.taps().p50()), Table.ms(s.p95()),
                    Table.ms(s.taps().percentile(99)), s.polls() == null ? "-" : Table.ms(s.polls().percentile(95)),
                    Table.ms(s.bare().p50()), Table.ms(s.bare().percentile(95)),
                    Table.ratio(s.p95() / s.bare().percentile(95)),
                    s.opens() == null ? "-" : Table.ms(s.opens().percentile(95)), Table.ms(s.firstPage().ms()),
                    Table.ms(s.emptyCache().ms()));
        }
        System.out.print(latency);
        System.out.println();
        Table cost = new Table("kiosks", "kiosk-ui cores", "of which JIT", "kiosk-ui CPU ms per kiosk-second (no JIT)",
                "kiosk-ui CPU ms per tap (no JIT)", "kiosk-ui CPU ms per request (no JIT)",
                "kiosk-server cores", "generator cores", "baseline: kiosk-ui cores", "baseline: generator cores",
                "live heap MiB", "live heap KiB per kiosk", "live heap KiB per kiosk added", "RSS MiB", "RSS MiB per kiosk", "load average");
        double heapBefore = heapAtStart;
        int kiosksBefore = 0;
        for (Step s : steps) {
            String added = String.format(Locale.ROOT, "%.0f", (s.heapMib() - heapBefore) * 1024 / (s.kiosks() - kiosksBefore));
            heapBefore = s.heapMib();
            kiosksBefore = s.kiosks();
            double work = s.uiCpu() - s.uiJitCpu();
            cost.row(s.kiosks(), cores(s.uiCpu(), s.seconds()), cores(s.uiJitCpu(), s.seconds()),
                    String.format(Locale.ROOT, "%.2f", work * 1000 / s.seconds() / s.kiosks()),
                    String.format(Locale.ROOT, "%.2f", work * 1000 / s.taps().count()),
                    String.format(Locale.ROOT, "%.2f", work * 1000 / (s.taps().count() + (s.polls() == null ? 0 : s.polls().count()))),
                    cores(s.serverCpu(), s.seconds()), cores(s.generatorCpu(), s.seconds()),
                    cores(s.bareUiCpu(), s.seconds()), cores(s.bareGeneratorCpu(), s.seconds()),
                    String.format(Locale.ROOT, "%.1f", s.heapMib()),
                    String.format(Locale.ROOT, "%.0f", (s.heapMib() - heapAtStart) * 1024 / s.kiosks()), added,
                    String.format(Locale.ROOT, "%.0f", s.rssMib()),
                    String.format(Locale.ROOT, "%.2f", (s.rssMib() - rssAtStart) / s.kiosks()), s.load());
        }
        System.out.print(cost);
        System.out.println();
        Table perTap = new Table("kiosks", "tap", "p50 ms", "p95 ms", "p99 ms");
        for (Step s : steps) {
            s.byTap().forEach((tap, l) -> perTap.row(s.kiosks(), tap, Table.ms(l.p50()), Table.ms(l.percentile(95)),
                    Table.ms(l.percentile(99))));
        }
        System.out.print(perTap);
        System.out.println();
        System.out.printf(Locale.ROOT, "kiosk-ui with only Chromium's page: live heap %.1f MiB, RSS %.0f MiB (per-kiosk figures are above these)%n",
                heapAtStart, rssAtStart);
        System.out.println("Chromium first kiosk page (navigation start -> start screen drawn; goal < " + (int) FIRST_PAGE_GOAL_MS
                + " ms), times since navigation start:");
        System.out.println("  no other kiosk, kiosk-ui just started, empty cache: " + cold.line());
        System.out.println("  no other kiosk, kiosk-ui just started, cached:      " + warm.line());
        for (Step s : steps) {
            System.out.println("  " + s.kiosks() + " kiosks, cached:      " + s.firstPage().line());
            System.out.println("  " + s.kiosks() + " kiosks, empty cache: " + s.emptyCache().line());
        }
        if (steps.isEmpty()) {
            System.out.println("Stopped: " + stopped + "; nothing measured");
            return;
        }
        Step last = steps.get(steps.size() - 1);
        double lastWork = last.uiCpu() - last.uiJitCpu();
        System.out.printf(Locale.ROOT, "CPU bound: at %.2f ms of kiosk-ui CPU per kiosk-second, JIT excluded (%d kiosks), one core"
                        + " fully kiosk-ui's would carry about %.0f kiosks%n", lastWork * 1000 / last.seconds() / last.kiosks(),
                last.kiosks(), last.seconds() * last.kiosks() / lastWork);
        System.out.println("UIDL messages pushed by the server over the WebSockets: " + pushes.get());
        // each step, not the largest one: on a shared machine a larger step can meet the goal after a smaller one missed it
        System.out.println("Stopped: " + stopped + ". Steps with tap p95 <= " + (int) TAP_P95_GOAL_MS + " ms: "
                + steps.stream().map(s -> s.kiosks() + (s.p95() <= TAP_P95_GOAL_MS ? " yes" : " no")).toList() + " (kiosks)");
        System.out.println("End " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load average " + loadAverage()
                + "; this machine has " + Runtime.getRuntime().availableProcessors() + " cores, shared");
        System.out.println();
        System.out.println("Repeat: " + repeat);
    }

    private static String cores(double cpuSeconds, double seconds) {
        return String.format(Locale.ROOT, "%.2f", cpuSeconds / seconds);
    }

    /** The one-minute load average. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String resource(String name) {
        try (InputStream in = UiLoad.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
