package fi.suoja.bench.kiosk;

import fi.suoja.bench.measure.Latencies;
import fi.suoja.bench.scene.Pause;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rhythm that every simulated kiosk (and every bare baseline client) keeps, and what they
 * measured: a poll every second, as the kiosk page's idle timer does whether or not anyone is
 * there, and a tap after a visitor's think time. One request at a time per kiosk, as Flow's client
 * sends them: a poll that falls due during a tap goes after it. All of them can be paused (they
 * then send nothing) and stopped.
 */
final class Visits {

    /** One measured request: which tap (or "poll"), when it started ({@link System#nanoTime()}) and how long it took. */
    record Sample(String what, long at, double ms) {
    }

    /** A request that went wrong: when, and why; a run with any is not a capacity figure. */
    record Failure(long at, String why) {
    }

    /** What a kiosk does: a tap (the next one of its visitor's path) and a poll. Either throws when the answer is wrong. */
    interface Player {
        void tap() throws Exception;

        void poll() throws Exception;
    }

    static final long POLL_NANOS = 1_000_000_000L;

    private final int thinkMinMs;
    private final int thinkMaxMs;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean paused;
    private volatile boolean stopped;

    Visits(int thinkMinMs, int thinkMaxMs) {
        this.thinkMinMs = thinkMinMs;
        this.thinkMaxMs = thinkMaxMs;
    }

    void record(String what, long at, double ms) {
        samples.add(new Sample(what, at, ms));
    }

    void pause(boolean pause) {
        this.paused = pause;
    }

    void stop() {
        this.stopped = true;
    }

    /** Plays one kiosk until stopped, on the calling thread; a wrong answer is recorded and ends this kiosk. */
    void play(String name, Player player) {
        long nextPoll = System.nanoTime() + ThreadLocalRandom.current().nextLong(POLL_NANOS);
        long nextTap = System.nanoTime() + think();
        try {
            while (!stopped) {
                if (paused) {
                    Pause.millis(50);
                    nextPoll = System.nanoTime() + ThreadLocalRandom.current().nextLong(POLL_NANOS);
                    nextTap = System.nanoTime() + think();
                    continue;
                }
                long now = System.nanoTime();
                long next = Math.min(nextPoll, nextTap);
                if (next > now) {
                    Pause.millis(Math.max(1, (next - now) / 1_000_000));
                    continue;
                }
                if (nextTap <= nextPoll) {
                    player.tap();
                    nextTap = System.nanoTime() + think();
                } else {
                    player.poll();
                    // the page's timer keeps its beat; a poll missed while a tap was out is sent once, not made up
                    nextPoll = Math.max(nextPoll + POLL_NANOS, System.nanoTime());
                }
            }
        } catch (Exception | AssertionError e) {
            failures.add(new Failure(System.nanoTime(), name + ": " + e.getMessage()));
        }
    }

    private long think() {
        return ThreadLocalRandom.current().nextLong(thinkMinMs, thinkMaxMs + 1) * 1_000_000L;
    }

    /** The samples of these kinds that started in [from, to). */
    Latencies between(long from, long to, boolean polls) {
        double[] ms = samples.stream().filter(s -> s.at() >= from && s.at() < to && s.what().equals("poll") == polls)
                .mapToDouble(Sample::ms).toArray();
        return ms.length == 0 ? null : new Latencies(ms);
    }

    /** The taps that started in [from, to), by the button tapped. */
    Map<String, Latencies> byTap(long from, long to) {
        Map<String, List<Double>> each = new TreeMap<>();
        samples.stream().filter(s -> s.at() >= from && s.at() < to && !s.what().equals("poll"))
                .forEach(s -> each.computeIfAbsent(s.what(), k -> new ArrayList<>()).add(s.ms()));
        Map<String, Latencies> out = new TreeMap<>();
        each.forEach((what, values) -> out.put(what, new Latencies(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }
}
