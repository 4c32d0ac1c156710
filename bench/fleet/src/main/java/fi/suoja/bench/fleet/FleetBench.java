package fi.suoja.bench.fleet;

import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.hardware.mqtt.Wire;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The fleet-scale benchmark (see bench/fleet/README.md). Against a running kiosk-server (its own
 * process, PostgreSQL, an external Mosquitto) it registers laptops through the API, measures the
 * idle server, then N simulated agents heartbeating (server CPU and memory as ratios to the idle
 * server, status staleness as a ratio to the heartbeat), and a "wipe now" to many laptops at once
 * against a raw Paho publish that echo clients answer, in the same run. bench/fleet/run.sh starts
 * the broker, the database schema and the server, and passes their coordinates here.
 */
public final class FleetBench {

    private static final double MIB = 1024.0;
    /** The share of the server's CPU in a warm-up round below which its JIT counts as settled. */
    private static final double JIT_SETTLED = 0.10;
    /**
     * And the JIT's CPU in the round's one-request wipe below which it counts as settled: that wipe's
     * figure is made in its first 0.3–0.4 s, and there the compilers' 0.2–0.4 s of CPU (methods of
     * the wipe's path still reaching C2 in every burst after nine rounds) took half a core of two.
     */
    private static final double JIT_SETTLED_IN_BURST_SECONDS = 0.05;

    private final Options options;
    private final ServerApi api;
    private final ProcessProbe server;
    private final ProcessProbe broker;
    private final ProcessProbe self = new ProcessProbe(ProcessHandle.current().pid(), "benchmark");
    private final InetSocketAddress brokerAddress;
    private final MqttLoop loop = new MqttLoop("agents");
    private final SimulatedAgent.Counters counters = new SimulatedAgent.Counters();
    private final Answers echoAnswers = new Answers();
    private final List<ServerApi.Registered> registered = new ArrayList<>();
    private final List<SimulatedAgent> agents = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    /** The wipe rounds of each way of asking (see {@link WipeBy}), in the order of the options. */
    private final Map<WipeBy, List<Round>> wipeRounds = new LinkedHashMap<>();
    private final List<Round> echoRounds = new ArrayList<>();
    /** The same baseline rounds, each message counted from the round's first publish, as a wipe of many counts from its call. */
    private final List<Round> echoBursts = new ArrayList<>();
    /** Unmeasured wipe rounds before the measured ones, and whether the server's JIT had settled after them. */
    private int warmUpRounds;
    private boolean warmedUp;
    private final List<String> problems = new ArrayList<>();
    private ServerDb db;
    private Topics topics;
    private int heartbeatSeconds;
    private int windowSeconds;
    private double registrationSeconds;
    /** Index of the first laptop inserted into the database rather than registered through the API; -1 if none. */
    private int insertedFrom = -1;
    private Round insertedCheck;
    /** Seconds from connecting the agents of a step until the server had them all online and READY. */
    private final Map<Integer, Double> settled = new java.util.TreeMap<>();
    private String loadAtStart;

    private FleetBench(Options options) {
        this.options = options;
        this.api = new ServerApi(options.server);
        this.server = new ProcessProbe(options.serverPid, "kiosk-server");
        this.broker = options.brokerPid > 0 ? new ProcessProbe(options.brokerPid, "mosquitto") : null;
        URI url = URI.create(options.brokerUrl);
        this.brokerAddress = new InetSocketAddress(url.getHost(), url.getPort());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        FleetBench bench = new FleetBench(options);
        int code;
        try {
            code = bench.run();
        } finally {
            bench.stopAgents();
        }
        System.exit(code);
    }

    private int run() throws Exception {
        loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
        db = new ServerDb(options.dbUrl, options.dbUser);
        api.login("admin", options.adminPassword);
        long site = api.createSite("Fleet benchmark " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        int most = options.agents.stream().mapToInt(Integer::intValue).max().orElseThrow();
        register(most, site);
        Properties first = new Properties();
        first.load(new StringReader(registered.get(0).agentConfig()));
        heartbeatSeconds = Integer.parseInt(first.getProperty("heartbeat.seconds").strip());
        topics = new Topics(first.getProperty("topic.root").strip());
        windowSeconds = options.windowSeconds > 0 ? options.windowSeconds : heartbeatSeconds;
        for (ServerApi.Registered r : registered) {
            agents.add(SimulatedAgent.fromConfig(r.agentConfig(), loop, brokerAddress, options.agentWipeMillis, counters));
        }

        // Registration leaves the JIT compiler and the collector busy for a while: let them finish.
        say("Idle server (no agent connected), " + options.idleSeconds + " s after a 45 s pause");
        Thread.sleep(45_000);
        windows.add(measure("idle (0 agents)", 0, options.idleSeconds));

        int started = 0;
        boolean wiped = false;
        for (int n : options.agents.stream().sorted().toList()) {
            long connectedAt = startAgents(started, n);
            started = n;
            boolean ready = awaitReady(n);
            long settledAt = System.nanoTime();
            if (!wiped && n >= options.wipeDevices && options.wipeRounds > 0) {
                if (ready) {
                    wipeFanOut();
                } else {
                    problems.add("the wipe fan-out was not measured: not every device became READY");
                }
                wiped = true;
                // A wipe refreshes every wiped laptop's last-seen: wait a heartbeat again after it.
                settledAt = System.nanoTime();
            }
            // Staleness is steady only once every agent has sent a heartbeat after the server caught
            // up with the connections (a backlog of connect statuses makes last-seen times too fresh).
            long steadyAt = Math.max(connectedAt, settledAt) + TimeUnit.SECONDS.toNanos(heartbeatSeconds + 5);
            long wait = steadyAt - System.nanoTime();
            if (wait > 0) {
                say(String.format(Locale.ROOT, "Waiting %.0f s for every agent's heartbeat phase to come round",
                        wait / 1e9));
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
            }
            say(n + " agents heartbeating: measuring " + windowSeconds + " s");
            windows.add(measure(String.format(Locale.ROOT, "%,d agents", n), n, windowSeconds));
        }
        if (insertedFrom >= 0 && started > insertedFrom) {
            checkInsertedLaptops(started);
        }
        report();
        return problems.isEmpty() ? 0 : 2;
    }

    // ---- setting up ----

    private void register(int count, long site) throws Exception {
        int throughApi = Math.min(count, options.apiDevices);
        say("Registering " + throughApi + " laptops through POST /api/v1/devices, " + options.registerThreads + " at a time");
        ExecutorService pool = Executors.newFixedThreadPool(options.registerThreads);
        List<Future<ServerApi.Registered>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 1; i <= throughApi; i++) {
            String tag = String.format(Locale.ROOT, "fb-%05d", i);
            answers.add(pool.submit(() -> api.registerLaptop(tag, site)));
        }
        for (Future<ServerApi.Registered> answer : answers) {
            registered.add(answer.get());
        }
        registrationSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        say(String.format(Locale.ROOT, "  %d registered in %.1f s (%.0f per second)", throughApi, registrationSeconds,
                throughApi / registrationSeconds));
        if (count > throughApi) {
            long t = System.nanoTime();
            insertedFrom = registered.size();
            registered.addAll(db.insertReadyLaptops(registered.get(0).agentConfig(), site, throughApi + 1, count - throughApi));
            say(String.format(Locale.ROOT, "  %d more inserted into the database with the server's key handling, READY,"
                    + " in %.1f s", count - throughApi, (System.nanoTime() - t) / 1e9));
        }
    }

    /** Connects agents [from, to) at about 1,000 a second; returns when the last one was started. */
    private long startAgents(int from, int to) throws Exception {
        say(String.format(Locale.ROOT, "Connecting agents %,d to %,d", from + 1, to));
        for (int i = from; i < to; i += 50) {
            List<SimulatedAgent> batch = agents.subList(i, Math.min(to, i + 50));
            loop.execute(() -> batch.forEach(SimulatedAgent::start));
            Thread.sleep(50);
        }
        long startedAt = System.nanoTime();
        long deadline = startedAt + TimeUnit.SECONDS.toNanos(120);
        while (onLoop(() -> agents.subList(0, to).stream().filter(SimulatedAgent::isUp).count()) < to) {
            if (System.nanoTime() > deadline) {
                problems.add("not every agent could connect within 120 s");
                break;
            }
            Thread.sleep(200);
        }
        return startedAt;
    }

    /** Waits until the server has the first verified wipe of every connected laptop (PROVISIONED → READY). */
    private boolean awaitReady(int n) throws Exception {
        List<String> ids = ids(n);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.settleSeconds);
        long nextNote = start + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Map<String, Integer> states = db.states(ids);
            int online = db.countOnline(ids);
            if (states.getOrDefault("READY", 0) == n && online == n) {
                say(String.format(Locale.ROOT, "  all %,d online and READY %.1f s after connecting", n,
                        (System.nanoTime() - start) / 1e9));
                settled.put(n, (System.nanoTime() - start) / 1e9);
                return true;
            }
            if (System.nanoTime() > deadline) {
                problems.add(String.format(Locale.ROOT, "%,d agents: not all online and READY after %d s: %d online, %s", n,
                        options.settleSeconds, online, states));
                say("  " + problems.get(problems.size() - 1));
                return false;
            }
            if (System.nanoTime() > nextNote) {
                say(String.format(Locale.ROOT, "  %.0f s: %d online, %s", (System.nanoTime() - start) / 1e9, online, states));
                nextNote += TimeUnit.SECONDS.toNanos(10);
            }
            Thread.sleep(250);
        }
    }

    // ---- the heartbeat window ----

    record Window(String label, int agents, double seconds, double serverCpu, double brokerCpu, double benchCpu,
                  double rssMaxMib, double rssEndMib, long threads, double[] heap, Stats staleness, long statuses,
                  String load, List<Double> p99Series, double lastSeenUpdatesPerSecond, StatusLoad extra) {
    }

    private Window measure(String label, int n, int seconds) throws Exception {
        List<String> ids = ids(n);
        long statuses0 = onLoop(() -> counters.statuses);
        StatusLoad extra = statusLoad();
        extra.sample();
        double server0 = serversCpuSeconds();
        double broker0 = broker == null ? 0 : broker.cpuSeconds();
        double self0 = self.cpuSeconds();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        long rssMax = 0;
        List<Double> ages = new ArrayList<>();
        List<Double> p99Series = new ArrayList<>();
        Map<String, Double> previous = null;
        long updates = 0;
        double firstSampleAt = 0;
        double lastSampleAt = 0;
        while (true) {
            rssMax = Math.max(rssMax, server.rssKib());
            if (!ids.isEmpty()) {
                ServerDb.LastSeen sample = db.lastSeen(ids);
                double sampledAt = (System.nanoTime() - t0) / 1e9;
                ages.addAll(sample.ages());
                p99Series.add(new Stats(sample.ages()).p(99));
                extra.staleness(new Stats(sample.ages()));
                if (previous == null) {
                    firstSampleAt = sampledAt;
                } else {
                    for (Map.Entry<String, Double> e : sample.at().entrySet()) {
                        if (!e.getValue().equals(previous.get(e.getKey()))) {
                            updates++;
                        }
                    }
                }
                lastSampleAt = sampledAt;
                previous = sample.at();
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Thread.sleep(Math.min(sampleMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
            extra.sample();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double serverCpu = (serversCpuSeconds() - server0) / elapsed * 100;
        double brokerCpu = broker == null ? Double.NaN : (broker.cpuSeconds() - broker0) / elapsed * 100;
        double benchCpu = (self.cpuSeconds() - self0) / elapsed * 100;
        long statuses = onLoop(() -> counters.statuses) - statuses0;
        long rssEnd = server.rssKib();
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        double[] heap = server.heapMib();
        Window w = new Window(label, n, elapsed, serverCpu, brokerCpu, benchCpu, Math.max(rssMax, rssEnd) / MIB,
                rssEnd / MIB, server.threads(), heap, new Stats(ages), statuses, load, p99Series,
                lastSampleAt > firstSampleAt ? updates / (lastSampleAt - firstSampleAt) : Double.NaN, extra);
        say(String.format(Locale.ROOT, "  server CPU %.1f %% of a core, RSS %.0f MiB; broker CPU %.1f %%; benchmark CPU %.1f %%%s",
                w.serverCpu, w.rssMaxMib, w.brokerCpu, w.benchCpu, n == 0 ? "" : String.format(Locale.ROOT,
                        "; staleness p50 %.1f s, p99 %.1f s, max %.1f s over %,d samples", w.staleness.p(50),
                        w.staleness.p(99), w.staleness.max(), w.staleness.count())));
        sayStatusLoad(w);
        return w;
    }

    // ---- the status load (issue 16): all server instances, their database backends, each sample ----

    private List<ProcessProbe> servers() {
        List<ProcessProbe> all = new ArrayList<>();
        all.add(server);
        options.moreServerPids.forEach(pid -> all.add(new ProcessProbe(pid, "kiosk-server " + pid)));
        return all;
    }

    private double serversCpuSeconds() {
        return servers().stream().mapToDouble(ProcessProbe::cpuSeconds).sum();
    }

    private StatusLoad statusLoad() {
        return new StatusLoad(servers(), db, options.dbApplication);
    }

    private long sampleMillis() {
        int seconds = options.sampleSeconds > 0 ? options.sampleSeconds : Math.min(5, Math.max(1, heartbeatSeconds));
        return TimeUnit.SECONDS.toMillis(seconds);
    }

    private void sayStatusLoad(Window w) {
        say(String.format(Locale.ROOT, "  %d server instance(s): peak threads %d; their PostgreSQL backends' CPU %.1f %% of a core;"
                + " %.1f statuses sent/s", servers().size(), w.extra.peakThreads(),
                w.extra.databaseCpuSeconds() / w.seconds * 100, w.statuses / w.seconds));
    }

    private String statusLoadLine(Window w) {
        String line = String.format(Locale.ROOT, "    server instances %d, peak threads %d, PostgreSQL backends' CPU %.1f %%%n",
                servers().size(), w.extra.peakThreads(), w.extra.databaseCpuSeconds() / w.seconds * 100);
        if (!w.extra.samples.isEmpty()) {
            line += String.format(Locale.ROOT, "    staleness p50/p99/max of each %d s sample (s):%s%n",
                    sampleMillis() / 1000, w.extra.perSample());
        }
        return line;
    }

    // ---- the wipe fan-out and its baseline ----

    /** One burst: for each device or echo client the time the request left and the time its answer came. */
    record Round(String what, int size, double[] latencyMs, double makespanMs, double[] requestToCommandMs,
                 double[] commandToAckMs, double allReadySeconds, int httpErrors, WipeCost cost) {

        Round(String what, int size, double[] latencyMs, double makespanMs, double[] requestToCommandMs,
              double[] commandToAckMs, double allReadySeconds, int httpErrors) {
            this(what, size, latencyMs, makespanMs, requestToCommandMs, commandToAckMs, allReadySeconds, httpErrors, null);
        }

        Round withCost(WipeCost measured) {
            return new Round(what, size, latencyMs, makespanMs, requestToCommandMs, commandToAckMs, allReadySeconds,
                    httpErrors, measured);
        }
    }

    /**
     * What a round of wipes cost, from its first call until every laptop is READY again: CPU
     * milliseconds a wipe in the server, its PostgreSQL backends, the broker and this benchmark (whose
     * simulated agents answer), and how busy the whole machine's cores were (/proc/stat).
     */
    record WipeCost(double serverMs, double databaseMs, double brokerMs, double benchMs, double machineBusy,
                    double serverJitSeconds) {

        String line() {
            return String.format(Locale.ROOT, "CPU a wipe: server %.2f ms, its PostgreSQL backends %.2f ms, broker %.2f ms,"
                    + " benchmark %.2f ms; the machine's cores %.0f %% busy; the server's JIT compilers %.2f s in the round",
                    serverMs, databaseMs, brokerMs, benchMs, machineBusy * 100, serverJitSeconds);
        }
    }

    /** Busy and total clock ticks of all cores so far, from the first line of /proc/stat. */
    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle and iowait
        return new long[] {total - idle, total};
    }

    private void wipeFanOut() throws Exception {
        int n = options.wipeDevices;
        String echoRoot = "fleet-bench-echo-" + ProcessHandle.current().pid();
        say(String.format(Locale.ROOT, "Wipe fan-out: \"wipe now\" to %,d laptops at once, %d rounds, each after a"
                + " baseline round of a raw Paho publish to %,d echo clients", n, options.wipeRounds, n));
        CountDownLatch echoesReady = new CountDownLatch(n);
        List<EchoClient> echoes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            echoes.add(new EchoClient(echoRoot, i, echoesReady, echoAnswers));
        }
        for (int i = 0; i < n; i += 50) {
            List<EchoClient> batch = echoes.subList(i, Math.min(n, i + 50));
            int first = i;
            loop.execute(() -> {
                for (int j = 0; j < batch.size(); j++) {
                    batch.get(j).start(loop, brokerAddress, echoRoot + "-" + (first + j));
                }
            });
            Thread.sleep(50);
        }
        if (!echoesReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the echo clients did not all subscribe within 60 s");
        }
        byte[] padding = new byte[commandSize()];
        try (PahoClient echoPaho = new PahoClient(options.brokerUrl, "fleet-bench-paho-" + ProcessHandle.current().pid(),
                echoRoot + "/+/out")) {
            warmUp(echoPaho, echoRoot, n, padding);
            for (int round = 1; round <= options.wipeRounds; round++) {
                Thread.sleep(3_000);
                loop.lagNanos();
                Baseline echo = echoRound(echoPaho, echoRoot, n, padding);
                echoRounds.add(echo.perMessage());
                echoBursts.add(echo.fromFirst());
                sayRound("  round " + round + " baseline", echo.perMessage());
                sayRound("  round " + round + " baseline from its first publish", echo.fromFirst());
                sayRound("  round " + round + " baseline until the answer is back at the publisher", echo.backAtPublisher());
                sayLag("  round " + round + " baseline");
                Thread.sleep(3_000);
                for (WipeBy by : options.wipeBy) {
                    loop.lagNanos();
                    Round wipe = wipeRound(ids(n), by);
                    wipeRounds.computeIfAbsent(by, b -> new ArrayList<>()).add(wipe);
                    sayRound("  round " + round + " wipe " + by.label, wipe);
                    sayLag("  round " + round + " wipe " + by.label);
                    Thread.sleep(3_000);
                }
            }
        }
        loop.execute(() -> echoes.forEach(EchoClient::stop));
    }

    /**
     * Rounds of the baseline and of each way of wiping that are not measured, until the server's JIT
     * compilers used less than {@link #JIT_SETTLED} of its CPU in one (at most {@code --wipe-warm-up}
     * rounds). Measured from the first round on, C2 was still compiling through the second and
     * third, and it took more than half the server's CPU while the commands went out; a server
     * that runs for days pays that once.
     */
    private void warmUp(PahoClient echoPaho, String echoRoot, int n, byte[] padding) throws Exception {
        for (int round = 1; round <= options.wipeWarmUp; round++) {
            Thread.sleep(3_000);
            echoRound(echoPaho, echoRoot, n, padding);
            double jit0 = server.jitCpuSeconds();
            double cpu0 = server.cpuSeconds();
            double jitInBurst = 0;
            for (WipeBy by : options.wipeBy) {
                Thread.sleep(3_000);
                double before = server.jitCpuSeconds();
                wipeRound(ids(n), by);
                if (by == WipeBy.REQUEST) {
                    jitInBurst = server.jitCpuSeconds() - before;
                }
            }
            double jit = server.jitCpuSeconds() - jit0;
            double cpu = server.cpuSeconds() - cpu0;
            warmUpRounds = round;
            say(String.format(Locale.ROOT, "  warm-up round %d (not measured): the server's JIT compilers used %.2f s of its"
                    + " %.2f s of CPU (%.1f %%), %.2f s in the one-request wipe", round, jit, cpu, 100 * jit / cpu, jitInBurst));
            // jitInBurst stays 0 when no one-request wipe runs, so it then decides nothing.
            if (jit < JIT_SETTLED * cpu && jitInBurst < JIT_SETTLED_IN_BURST_SECONDS) {
                warmedUp = true;
                return;
            }
        }
        if (options.wipeWarmUp > 0) {
            problems.add("the server's JIT compilers still used " + (int) (JIT_SETTLED * 100) + " % or more of its CPU, or "
                    + JIT_SETTLED_IN_BURST_SECONDS + " s or more in the one-request wipe, after " + options.wipeWarmUp
                    + " warm-up rounds: the rounds measure it compiling");
        }
    }

    /**
     * The laptops inserted into the database must be as good as registered ones: "wipe now" to a few
     * of them is signed by the server with the key it opens from their rows, and their agents verify
     * it with the key from their configuration. Runs after the measurements.
     */
    private void checkInsertedLaptops(int started) throws Exception {
        int n = Math.min(20, started - insertedFrom);
        List<String> sample = registered.subList(started - n, started).stream().map(ServerApi.Registered::id).toList();
        say("Check: \"wipe now\" to " + n + " of the laptops inserted into the database");
        insertedCheck = wipeRound(sample, options.wipeBy.get(0));
        sayRound("  check", insertedCheck);
    }

    /** The size of a real signed WIPE command, so that the baseline's messages weigh the same. */
    private int commandSize() {
        Instant now = Instant.now();
        Command sample = new CommandSigner(new byte[32]).sign(Command.unsigned("wj-abcdefghijkmnpqrstu-1",
                new DeviceId(registered.get(0).id()), CommandType.WIPE, now, now.plusSeconds(900),
                Map.of("jobId", "wj-abcdefghijkmnpqrstu")));
        return Wire.encode(sample).length;
    }

    /**
     * A baseline round three ways: each message from its own hand-off to Paho (after it waited for
     * a slot in the broker's window) until its echo client answered; the same from the first
     * message's hand-off, as a wipe of many counts every laptop from its one call; and from its
     * own hand-off until the answer is back at the publisher, to show what the point of
     * measurement adds.
     */
    record Baseline(Round perMessage, Round fromFirst, Round backAtPublisher) {
    }

    /**
     * Each message counted until its echo client answered (noted by the client), as a wipe is
     * counted until its agent acknowledged; the round ends when every answer is back at the
     * publisher, as the agents' ACKs go back to the server.
     */
    private Baseline echoRound(PahoClient paho, String echoRoot, int n, byte[] padding) throws Exception {
        paho.arrivals.clear();
        List<String> keys = IntStream.range(0, n).mapToObj(Integer::toString).toList();
        echoAnswers.forget(keys);
        long[] sentAt = new long[n];
        long[] answeredAt = new long[n];
        for (int i = 0; i < n; i++) {
            byte[] payload = padding.clone();
            ByteBuffer.wrap(payload).putInt(i);
            sentAt[i] = paho.publish(EchoClient.inTopic(echoRoot, i), payload);
        }
        long[] backAt = new long[n];
        int answered = 0;
        int backAtPublisher = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((answered < n || backAtPublisher < n) && System.nanoTime() < deadline) {
            for (int i = 0; i < n; i++) {
                Answers.Answer answer = answeredAt[i] == 0 ? echoAnswers.of(keys.get(i)) : null;
                if (answer != null) {
                    answeredAt[i] = answer.answeredAt();
                    answered++;
                }
            }
            PahoClient.Arrival a;
            while ((a = paho.arrivals.poll()) != null) {
                int i = ByteBuffer.wrap(a.payload()).getInt();
                if (backAt[i] == 0) {
                    backAt[i] = a.nanos();
                    backAtPublisher++;
                }
            }
            Thread.sleep(20);
        }
        if (answered < n || backAtPublisher < n) {
            problems.add("baseline: only " + answered + " of " + n + " echo answers within 60 s, " + backAtPublisher
                    + " back at the publisher");
        }
        long[] burstAt = new long[n];
        Arrays.fill(burstAt, Arrays.stream(sentAt).min().orElseThrow());
        return new Baseline(round("Paho publish → echo client answers", n, sentAt, answeredAt, null, 0, 0),
                round("first Paho publish → echo client answers", n, burstAt, answeredAt, null, 0, 0),
                round("Paho publish → answer back at the publisher", n, sentAt, backAt, null, 0, 0));
    }

    /** How the benchmark asks the server to wipe: one request naming every laptop, or one call each. */
    enum WipeBy {
        REQUEST("one request", "POST /api/v1/devices/wipe naming all"),
        EACH("one call each", "POST /api/v1/devices/{id}/wipe for each");

        final String label;
        final String call;

        WipeBy(String label, String call) {
            this.label = label;
            this.call = call;
        }

        static WipeBy of(String name) {
            return switch (name) {
                case "request" -> REQUEST;
                case "each" -> EACH;
                default -> throw new IllegalArgumentException("--wipe-by takes request, each, or both separated by a comma");
            };
        }
    }

    private Round wipeRound(List<String> ids, WipeBy by) throws Exception {
        int n = ids.size();
        int ready = db.countInState(ids, "READY");
        if (ready != n) {
            throw new IllegalStateException("only " + ready + " of " + n + " laptops are READY before the wipe round");
        }
        int verifiedBefore = db.verifiedWipeReports(ids);
        Answers acks = counters.wipeAcks;
        acks.forget(ids);
        long[] calledAt = new long[n];
        long[] commandAt = new long[n];
        long[] ackAt = new long[n];
        StatusLoad database = statusLoad();
        database.sample();
        double server0 = serversCpuSeconds();
        double jit0 = server.jitCpuSeconds();
        double broker0 = broker == null ? 0 : broker.cpuSeconds();
        double self0 = self.cpuSeconds();
        long[] machine0 = machineTicks();
        List<CompletableFuture<ServerApi.Reply>> answers = new ArrayList<>(n);
        long start = System.nanoTime();
        if (by == WipeBy.REQUEST) {
            Arrays.fill(calledAt, System.nanoTime());
            answers.add(api.wipeAll(ids));
        } else {
            for (int i = 0; i < n; i++) {
                calledAt[i] = System.nanoTime();
                answers.add(api.wipe(ids.get(i)));
            }
        }
        int acked = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (acked < n && System.nanoTime() < deadline) {
            for (int i = 0; i < n; i++) {
                Answers.Answer ack = ackAt[i] == 0 ? acks.of(ids.get(i)) : null;
                if (ack != null) {
                    commandAt[i] = ack.arrivedAt();
                    ackAt[i] = ack.answeredAt();
                    acked++;
                }
            }
            Thread.sleep(20);
        }
        int httpErrors = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        for (CompletableFuture<ServerApi.Reply> answer : answers) {
            ServerApi.Reply reply = answer.get(120, TimeUnit.SECONDS);
            if (reply.status() != 200) {
                httpErrors += by == WipeBy.REQUEST ? n : 1;
                String problem = reply.problem() == null ? "" : reply.problem();
                refusals.merge(reply.status() + " " + problem.substring(0, Math.min(problem.length(), 300)), 1, Integer::sum);
            }
        }
        if (acked < n) {
            problems.add("wipe: only " + acked + " of " + n + " ACKs within 180 s");
        }
        if (httpErrors > 0) {
            problems.add("wipe " + by.label + ": " + httpErrors + " of " + n + " \"wipe now\" calls did not answer 200: " + refusals);
        }
        double allReady = Double.NaN;
        long readyDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < readyDeadline) {
            if (db.countInState(ids, "READY") == n) {
                allReady = (System.nanoTime() - start) / 1e9;
                break;
            }
            Thread.sleep(100);
        }
        database.sample();
        long[] machine1 = machineTicks();
        WipeCost cost = new WipeCost((serversCpuSeconds() - server0) * 1000 / n, database.databaseCpuSeconds() * 1000 / n,
                broker == null ? Double.NaN : (broker.cpuSeconds() - broker0) * 1000 / n, (self.cpuSeconds() - self0) * 1000 / n,
                (double) (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]), server.jitCpuSeconds() - jit0);
        int verified = db.verifiedWipeReports(ids) - verifiedBefore;
        if (Double.isNaN(allReady) || verified != n) {
            problems.add("wipe: " + verified + " of " + n + " new verified reports recorded; states " + db.states(ids));
        }
        return round("\"wipe now\" API call → ACK", n, calledAt, ackAt, commandAt, allReady, httpErrors).withCost(cost);
    }

    private static Round round(String what, int n, long[] sentAt, long[] answeredAt, long[] commandAt, double allReady,
                               int httpErrors) {
        double[] latency = new double[n];
        double[] toCommand = commandAt == null ? null : new double[n];
        double[] commandToAck = commandAt == null ? null : new double[n];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            first = Math.min(first, sentAt[i]);
            boolean answered = answeredAt[i] != 0;
            latency[i] = answered ? (answeredAt[i] - sentAt[i]) / 1e6 : Double.POSITIVE_INFINITY;
            if (answered) {
                last = Math.max(last, answeredAt[i]);
            }
            if (commandAt != null) {
                toCommand[i] = commandAt[i] != 0 ? (commandAt[i] - sentAt[i]) / 1e6 : Double.POSITIVE_INFINITY;
                commandToAck[i] = commandAt[i] != 0 && answered ? (answeredAt[i] - commandAt[i]) / 1e6 : Double.POSITIVE_INFINITY;
            }
        }
        return new Round(what, n, latency, (last - first) / 1e6, toCommand, commandToAck, allReady, httpErrors);
    }

    // ---- the report ----

    private void report() throws Exception {
        long[] c = onLoop(() -> new long[] {counters.connects, counters.connectionsLost, counters.statuses,
                counters.commands, counters.acks, counters.results, counters.duplicates, counters.rejected});
        if (c[7] > 0) {
            problems.add(c[7] + " commands were REJECTED by the simulated agents, e.g. " + onLoop(() -> List.copyOf(counters.rejections)));
        }
        if (loop.handlerFailures.get() > 0) {
            problems.add(loop.handlerFailures.get() + " failures inside the simulated agents' loop");
        }

        Window idle = windows.get(0);
        StringBuilder out = new StringBuilder();
        out.append("\n================ Suoja fleet benchmark: results ================\n");
        out.append(String.format(Locale.ROOT, "date %s; %d cores; load average at start %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), loadAtStart));
        out.append(String.format(Locale.ROOT, "heartbeat %d s (from the agent configuration the server hands out); "
                + "windows of %d s; %,d laptops registered through the API in %.1f s (%.0f per second)%n%n",
                heartbeatSeconds, windowSeconds, registered.size(), registrationSeconds,
                registered.size() / registrationSeconds));

        out.append("Heartbeat load (CPU as % of one core over the window; ratios against the idle server in this run)\n");
        out.append(String.format(Locale.ROOT, "%-16s %10s %7s %9s %7s %11s %9s %9s %28s %9s%n", "", "server CPU",
                "ratio", "RSS MiB", "ratio", "heap MiB", "broker", "bench", "staleness p50/p99/max (s)", "p99/beat"));
        for (Window w : windows) {
            String heap = w.heap == null ? "?" : String.format(Locale.ROOT, "%.0f", w.heap[0]);
            String staleness = w.agents == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
                    w.staleness.p(50), w.staleness.p(99), w.staleness.max());
            String beat = w.agents == 0 ? "-" : String.format(Locale.ROOT, "%.2f", w.staleness.p(99) / heartbeatSeconds);
            out.append(String.format(Locale.ROOT, "%-16s %9.1f%% %7.1f %9.0f %7.2f %11s %8.1f%% %8.1f%% %28s %9s%n",
                    w.label, w.serverCpu, w.serverCpu / idle.serverCpu, w.rssMaxMib, w.rssMaxMib / idle.rssMaxMib, heap,
                    w.brokerCpu, w.benchCpu, staleness, beat));
        }
        settled.forEach((n, seconds) -> out.append(String.format(Locale.ROOT,
                "  connecting up to %,d agents: all online and READY in the server after %.1f s%n", n, seconds)));
        for (Window w : windows) {
            out.append(String.format(Locale.ROOT, "  %s: %,d statuses sent in %.0f s (%.1f/s)%s, server threads %d, "
                    + "load average at end %s%n", w.label, w.statuses, w.seconds, w.statuses / w.seconds,
                    w.agents == 0 ? "" : String.format(Locale.ROOT, ", server's last-seen moved for %.1f devices/s",
                            w.lastSeenUpdatesPerSecond), w.threads, w.load));
            out.append(statusLoadLine(w));
        }

        for (Map.Entry<WipeBy, List<Round>> by : wipeRounds.entrySet()) {
            List<Round> rounds = by.getValue();
            Round wipe = pooled(rounds);
            Round echo = pooled(echoRounds);
            Round burst = pooled(echoBursts);
            Stats w = new Stats(wipe.latencyMs);
            Stats e = new Stats(echo.latencyMs);
            Stats b = new Stats(burst.latencyMs);
            out.append(String.format(Locale.ROOT, "%nWipe fan-out: \"wipe now\" to %,d laptops at once by %s (%s), %d rounds"
                    + " pooled, each simulated agent's wipe taking %s (ms; ratios against the baseline in this run)%n", wipe.size,
                    by.getKey().label, by.getKey().call, rounds.size(), options.agentWipeMillis == 0 ? "no time"
                            : String.format(Locale.ROOT, "%,d–%,d ms", options.agentWipeMillis / 2, options.agentWipeMillis * 3 / 2)));
            out.append(String.format(Locale.ROOT, "after %d warm-up rounds not measured (%s)%n", warmUpRounds,
                    warmedUp ? "the server's JIT compilers under " + (int) (JIT_SETTLED * 100) + " % of its CPU in the last, and under "
                            + JIT_SETTLED_IN_BURST_SECONDS + " s in its one-request wipe"
                            : options.wipeWarmUp == 0 ? "--wipe-warm-up 0" : "the server's JIT had NOT settled"));
            out.append(String.format(Locale.ROOT, "%-46s %9s %9s %9s %14s%n", "", "p50", "p99", "max", "last answer"));
            out.append(line("API call → agent sends its ACK", w, wipe.makespanMs));
            out.append(line("baseline: Paho publish → echo client answers", e, echo.makespanMs));
            out.append(String.format(Locale.ROOT, "%-46s %9.1f %9.1f %9.1f %14.1f%n", "ratio wipe / baseline",
                    w.p(50) / e.p(50), w.p(99) / e.p(99), w.max() / e.max(), wipe.makespanMs / echo.makespanMs));
            out.append(line("baseline from its first publish", b, burst.makespanMs));
            out.append(String.format(Locale.ROOT, "%-46s %9.1f %9.1f %9.1f %14.1f%n", "ratio wipe / baseline from first publish",
                    w.p(50) / b.p(50), w.p(99) / b.p(99), w.max() / b.max(), wipe.makespanMs / burst.makespanMs));
            Stats toCommand = new Stats(wipe.requestToCommandMs);
            Stats agentTurn = new Stats(wipe.commandToAckMs);
            out.append(line("  of which API call → command at the agent", toCommand, Double.NaN));
            out.append(line("  of which the agent checks it and ACKs", agentTurn, Double.NaN));
            for (int i = 0; i < rounds.size(); i++) {
                out.append(String.format(Locale.ROOT, "  round %d: all %,d READY with a new verified report %.1f s after"
                        + " the first call; %d laptops' calls not 200%n", i + 1, rounds.get(i).size,
                        rounds.get(i).allReadySeconds, rounds.get(i).httpErrors));
                out.append("    ").append(rounds.get(i).cost().line()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%nSimulated agents: %,d connects, %,d connections lost, %,d statuses,"
                + " %,d commands, %,d ACKs, %,d RESULTs, %,d duplicates answered, %,d REJECTED%n",
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
        if (insertedCheck != null) {
            out.append(String.format(Locale.ROOT, "Laptops %,d to %,d were inserted into the database (README); a \"wipe now\""
                    + " to %d of them was verified and acknowledged by their agents, all READY again after %.1f s.%n",
                    insertedFrom + 1, registered.size(), insertedCheck.size, insertedCheck.allReadySeconds));
        }
        if (problems.isEmpty()) {
            out.append("No problems: every command verified, every wipe acknowledged and recorded.\n");
        } else {
            out.append("PROBLEMS (the figures above are not a clean run):\n");
            problems.forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        out.append("\nRepeat with: ").append(options.repeat).append('\n');
        System.out.print(out);
    }

    private static String line(String label, Stats s, double lastMs) {
        return String.format(Locale.ROOT, "%-46s %9.1f %9.1f %9.1f %14s%n", label, s.p(50), s.p(99), s.max(),
                Double.isNaN(lastMs) ? "" : String.format(Locale.ROOT, "%.1f", lastMs));
    }

    private static Round pooled(List<Round> rounds) {
        double[] latency = rounds.stream().flatMapToDouble(r -> Arrays.stream(r.latencyMs)).toArray();
        double[] toCommand = rounds.get(0).requestToCommandMs == null ? null
                : rounds.stream().flatMapToDouble(r -> Arrays.stream(r.requestToCommandMs)).toArray();
        double[] commandToAck = rounds.get(0).commandToAckMs == null ? null
                : rounds.stream().flatMapToDouble(r -> Arrays.stream(r.commandToAckMs)).toArray();
        double makespan = rounds.stream().mapToDouble(Round::makespanMs).average().orElse(Double.NaN);
        return new Round(rounds.get(0).what, rounds.get(0).size, latency, makespan, toCommand, commandToAck, Double.NaN,
                rounds.stream().mapToInt(Round::httpErrors).sum());
    }

    /** How far behind its reads the agents' and echo clients' loop handed messages out in the round: its own share of the latency. */
    private void sayLag(String label) {
        say(String.format(Locale.ROOT, "%s: the simulated clients' loop handed each message out at most %.1f ms after reading it",
                label, loop.lagNanos() / 1e6));
    }

    private void sayRound(String label, Round r) {
        Stats s = new Stats(r.latencyMs);
        say(String.format(Locale.ROOT, "%s p50 %.1f ms, p99 %.1f ms, max %.1f ms, last answer after %.1f ms%s", label,
                s.p(50), s.p(99), s.max(), r.makespanMs, r.cost() == null ? "" : "; " + r.cost().line()));
    }

    // ---- helpers ----

    private List<String> ids(int n) {
        return registered.subList(0, n).stream().map(ServerApi.Registered::id).toList();
    }

    private <T> T onLoop(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private void stopAgents() {
        try {
            onLoop(() -> {
                agents.forEach(a -> a.stop(options.clearRetained));
                return null;
            });
            Thread.sleep(1_000);
        } catch (Exception e) {
            System.err.println("stopping the simulated agents: " + e);
        }
        loop.close();
    }

    private static void say(String text) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
    }

    // ---- options ----

    static final class Options {
        URI server;
        String adminPassword;
        long serverPid;
        long brokerPid;
        String brokerUrl;
        String dbUrl;
        String dbUser = "postgres";
        List<Integer> agents = List.of(1_000, 10_000);
        int idleSeconds = 60;
        int windowSeconds;
        int settleSeconds = 300;
        int wipeDevices = 1_000;
        int wipeRounds = 2;
        /** At most this many unmeasured rounds first, until the server's JIT has settled; 0: none. */
        int wipeWarmUp = 30;
        /** About how long a simulated agent's wipe takes; 0: done at once, as before 2026-12-06 evening. */
        long agentWipeMillis = 3_000;
        /** Each round measures these in turn, after its baseline. */
        List<WipeBy> wipeBy = List.of(WipeBy.REQUEST, WipeBy.EACH);
        int registerThreads = 4;
        int apiDevices = 1_000;
        boolean clearRetained;
        /** The server's JDBC application name, to find its PostgreSQL backends; none: database CPU not measured. */
        String dbApplication;
        /** More server instances (pids) on the same database and broker: their CPU and threads are added. */
        List<Long> moreServerPids = List.of();
        /** Seconds between staleness samples; 0: the heartbeat, at most 5 s. */
        int sampleSeconds;
        String repeat = "bench/fleet/run.sh";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--clear-retained")) {
                    o.clearRetained = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--server" -> o.server = URI.create(value);
                    case "--admin-password" -> o.adminPassword = value;
                    case "--server-pid" -> o.serverPid = Long.parseLong(value);
                    case "--broker-pid" -> o.brokerPid = Long.parseLong(value);
                    case "--broker" -> o.brokerUrl = value;
                    case "--db-url" -> o.dbUrl = value;
                    case "--db-user" -> o.dbUser = value;
                    case "--agents" -> o.agents = Arrays.stream(value.split(",")).map(String::trim)
                            .map(Integer::parseInt).toList();
                    case "--idle-seconds" -> o.idleSeconds = Integer.parseInt(value);
                    case "--window-seconds" -> o.windowSeconds = Integer.parseInt(value);
                    case "--settle-seconds" -> o.settleSeconds = Integer.parseInt(value);
                    case "--wipe-devices" -> o.wipeDevices = Integer.parseInt(value);
                    case "--wipe-rounds" -> o.wipeRounds = Integer.parseInt(value);
                    case "--wipe-warm-up" -> o.wipeWarmUp = Integer.parseInt(value);
                    case "--agent-wipe-ms" -> o.agentWipeMillis = Long.parseLong(value);
                    case "--wipe-by" -> o.wipeBy = Arrays.stream(value.split(",")).map(String::trim).map(WipeBy::of).toList();
                    case "--register-threads" -> o.registerThreads = Integer.parseInt(value);
                    case "--api-devices" -> o.apiDevices = Integer.parseInt(value);
                    case "--repeat" -> o.repeat = value;
                    case "--db-application" -> o.dbApplication = value;
                    case "--more-server-pids" -> o.moreServerPids = Arrays.stream(value.split(",")).map(String::trim)
                            .filter(v -> !v.isEmpty()).map(Long::parseLong).toList();
                    case "--sample-seconds" -> o.sampleSeconds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (o.server == null || o.adminPassword == null || o.serverPid == 0 || o.brokerUrl == null || o.dbUrl == null) {
                throw new IllegalArgumentException(
                        "needs --server, --admin-password, --server-pid, --broker and --db-url (bench/fleet/run.sh passes them)");
            }
            return o;
        }
    }
}
