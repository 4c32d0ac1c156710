package fi.suoja.bench.kiosk;

import fi.suoja.bench.measure.Latencies;
import fi.suoja.bench.measure.Table;
import fi.suoja.bench.scene.KioskServer;
import fi.suoja.bench.scene.KioskUi;
import fi.suoja.bench.scene.Pause;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kiosk's Listen control in headless Chromium: the time from the tap to the first sound, with
 * the speech cache warm and cold, against a baseline in the same run and the same browser: a tap
 * on a button of the same page that plays an audio clip the page has already loaded.
 *
 * <p>Warm: one kiosk-ui whose cache already holds the start screen's clips. Cold: a second kiosk-ui
 * with the cache off ({@code SUOJA_SPEECH_CACHE_MB=0}), so every tap runs eSpeak NG for the first
 * clip (and the rest) again, as the first tap on a new text does. Both are real kiosk-ui jars with
 * one kiosk-server (H2).
 *
 * <p>Measured in the page: {@code performance.now()} at the click event (a real click through
 * WebDriver: a script's click is no user gesture, and the browser would not play) to the first
 * {@code playing} event of an audio element. A second tap stops it; the next tap comes 300 ms later.
 *
 * <p>Usage: {@code ListenBenchmark [taps per kind=30]}, from the repository's root (see bench/listen/run.sh).
 */
public final class ListenBenchmark {

    private static final String ARM = "window.__listen = {tapped: null, playing: null};"
            + " document.addEventListener('click', () => { window.__listen.tapped = performance.now(); }, {capture: true, once: true});"
            + " document.addEventListener('playing', () => { if (window.__listen.playing === null) {"
            + " window.__listen.playing = performance.now(); } }, {capture: true});";
    /** The baseline: a button that plays an already loaded clip, added to the kiosk's own page. */
    private static final String BASELINE = "if (!document.getElementById('bench-play')) {"
            + " const audio = document.createElement('audio'); audio.id = 'bench-audio'; audio.preload = 'auto';"
            + " audio.src = 'data:audio/wav;base64,' + arguments[0]; document.body.appendChild(audio);"
            + " const b = document.createElement('button'); b.id = 'bench-play'; b.textContent = 'play';"
            + " b.style = 'position: fixed; inset-block-end: 0; inset-inline-end: 0; width: 100px; height: 100px; z-index: 9';"
            + " b.onclick = () => { audio.currentTime = 0; audio.play(); }; document.body.appendChild(b); }";

    private final Chromium chromium;

    private ListenBenchmark(Chromium chromium) {
        this.chromium = chromium;
    }

    public static void main(String[] args) throws Exception {
        int taps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path work = Files.createTempDirectory("suoja-bench-listen");
        try (KioskServer server = KioskServer.onH2(work)) {
            SuojaApi api = new SuojaApi(server.uri());
            String admin = api.login("admin", server.adminPassword());
            SuojaApi.Kiosk kiosk = api.benchmarkLibrary(admin);
            try (KioskUi warm = KioskUi.start(server.uri(), kiosk.token(), Files.createDirectories(work.resolve("warm")));
                 KioskUi cold = KioskUi.start(server.uri(), kiosk.token(), Files.createDirectories(work.resolve("cold")),
                         Map.of("SUOJA_SPEECH_CACHE_MB", "0"));
                 Chromium chromium = new Chromium()) {
                System.out.println("kiosk-server " + server.uri() + " (H2), kiosk-ui warm on port " + warm.port() + " (log "
                        + warm.log() + "), cold on port " + cold.port() + " (log " + cold.log() + ")");
                new ListenBenchmark(chromium).run(warm.port(), cold.port(), taps);
            }
        }
    }

    private void run(int warmPort, int coldPort, int taps) throws Exception {
        String clip = Base64.getEncoder().encodeToString(espeak("fi", "Hei. Mitä haluat tehdä?"));
        chromium.windows(2);
        open(0, warmPort);
        open(1, coldPort);
        chromium.run(0, BASELINE, clip);
        System.out.println("warming up: 5 taps of each kind");
        measure(0, "listen", 5);
        measure(1, "listen", 5);
        measure(0, "bench-play", 5);

        Latencies warm = measure(0, "listen", taps);
        Latencies cold = measure(1, "listen", taps);
        Latencies baseline = measure(0, "bench-play", taps);

        System.out.println();
        System.out.println("Listen: tap to first sound in headless Chromium, same run, " + taps + " taps each");
        System.out.println("  warm:     kiosk-ui with the start screen's clips in its cache (Finnish, eSpeak NG)");
        System.out.println("  cold:     kiosk-ui with SUOJA_SPEECH_CACHE_MB=0: eSpeak NG runs for every clip of every tap");
        System.out.println("  baseline: a button on the same page playing a clip it has already loaded (the heading's WAV)");
        System.out.println("  measured: click event to the first audio 'playing' event, performance.now()");
        Table table = new Table("kind", "taps", "p50 ms", "p95 ms", "max ms", "p50 / baseline p50", "goal");
        table.row("warm", warm.count(), Table.ms(warm.p50()), Table.ms(warm.percentile(95)), Table.ms(warm.percentile(100)),
                Table.ratio(warm.p50() / baseline.p50()), "< 300 ms");
        table.row("cold", cold.count(), Table.ms(cold.p50()), Table.ms(cold.percentile(95)), Table.ms(cold.percentile(100)),
                Table.ratio(cold.p50() / baseline.p50()), "< 1000 ms");
        table.row("baseline", baseline.count(), Table.ms(baseline.p50()), Table.ms(baseline.percentile(95)),
                Table.ms(baseline.percentile(100)), Table.ratio(1), "");
        System.out.print(table);
        System.out.printf(Locale.ROOT, "  load average at the end: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("Repeat: bench/listen/run.sh " + taps);
    }

    private void open(int window, int port) {
        chromium.open(window, "http://127.0.0." + (window + 1) + ":" + port + "/");
        await(window, "const b = document.getElementById('listen'); return b !== null && b.offsetParent !== null;",
                "the Listen control (is espeak-ng installed? the kiosk-ui log says)");
    }

    /** Taps {@code id} and measures until the first sound, then stops what plays; {@code taps} times. */
    private Latencies measure(int window, String id, int taps) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < taps; i++) {
            chromium.run(window, ARM);
            chromium.click(window, id);
            await(window, "return window.__listen.playing !== null;", "the first sound after a tap on " + id);
            millis.add(((Number) chromium.run(window, "return window.__listen.playing - window.__listen.tapped;")).doubleValue());
            if (id.equals("listen")) {
                chromium.run(window, "const b = document.getElementById('listen');"
                        + " if (b.getAttribute('aria-pressed') === 'true') { b.click(); }");
                await(window, "return document.getElementById('listen').getAttribute('aria-pressed') === 'false'"
                        + " && document.querySelectorAll('#listen-tracks audio').length === 0;", "Listen to stop");
            } else {
                chromium.run(window, "document.getElementById('bench-audio').pause();");
            }
            Pause.millis(300);
        }
        return new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void await(int window, String condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Boolean.TRUE.equals(chromium.run(window, condition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("window " + (window + 1) + ": no " + what + " within 60 s");
            }
            Pause.millis(20);
        }
    }

    private static byte[] espeak(String voice, String text) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("suoja-bench-listen", ".wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-v", voice, "-w", wav.toString(), text).inheritIO().start();
        if (espeak.waitFor() != 0) {
            throw new IllegalStateException("espeak-ng is needed for the baseline clip: apt-get install -y espeak-ng");
        }
        byte[] bytes = Files.readAllBytes(wav);
        Files.delete(wav);
        return bytes;
    }
}
