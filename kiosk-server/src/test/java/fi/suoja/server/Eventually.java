package fi.suoja.server;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens on another thread (a broker round trip), failing with what was last seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        return until(what, probe, done, Duration.ofSeconds(15));
    }

    public static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
