package fi.suoja.hardware.broker;

import java.time.Duration;
import java.util.Random;

/**
 * Waits between retries (of a connection, say): doubles each time, up to a ceiling, with jitter so a
 * fleet does not retry in step. Not thread-safe: one owner thread uses it.
 */
public final class Backoff {

    private final long baseMillis;
    private final long ceilingMillis;
    private final Random random;
    private int failures;

    public Backoff(Duration base, Duration ceiling, Random random) {
        this.baseMillis = base.toMillis();
        this.ceilingMillis = Math.max(baseMillis, ceiling.toMillis());
        this.random = random;
    }

    /** The wait before the next attempt: between half and all of base × 2^failures, at most the ceiling. */
    public Duration next() {
        long full = baseMillis << Math.min(failures, 30);
        if (full <= 0 || full > ceilingMillis) {
            full = ceilingMillis;
        }
        failures++;
        long half = full / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * (full - half))));
    }

    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
