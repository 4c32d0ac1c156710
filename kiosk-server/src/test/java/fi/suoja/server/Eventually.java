package fi.suoja.server;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Waits with Awaitility for something that happens on another thread (a broker round trip),
 * failing with what was last seen. A shorthand kept for the many scenarios that read a value and
 * test it.
 */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        return until(what, probe, done, Duration.ofSeconds(15));
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done, Duration limit) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        T seen = probe.get();
                        last.set(seen);
                        return seen;
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last.get(), e);
        }
    }
}
