package fi.suoja.agent;

import java.time.Duration;
import java.util.Random;

/** Waits between retries: doubles each time, up to a ceiling, with jitter so a fleet does not retry in step. */
final class Backoff {

    private final long baseMillis;
    private final long ceilingMillis;
    private final Random random;
    private int failures;

    Backoff(Duration base, Duration ceiling, Random random) {
        this.baseMillis = base.toMillis();
        this.ceilingMillis = Math.max(baseMillis, ceiling.toMillis());
        this.random = random;
    }

    /** The wait before the next attempt: between half and all of base × 2^failures, at most the ceiling. */
    Duration next() {
        long full = baseMillis << Math.min(failures, 30);
        if (full <= 0 || full > ceilingMillis) {
            full = ceilingMillis;
        }
        failures++;
        long half = full / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * (full - half))));
    }

    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }
}
