package fi.suoja.hardware.broker;

import java.time.Duration;
import java.util.Random;

/**
 * Waits between retries: doubles each time from the first wait, up to a ceiling, with jitter so a
 * fleet (of agents reconnecting, of server instances retrying work) does not retry in step.
 * {@link #after(int)} is the wait after a given number of failures, for work that counts its own
 * tries in a database row, and is safe from several threads; {@link #next()} counts the failures
 * itself, for one owner thread (a connection loop).
 */
public final class Backoff {

    /** How far a wait may stray from the doubled one: a factor drawn between {@code low} and {@code high}. */
    public record Jitter(double low, double high) {

        /** Half to all of the doubled wait: never later than it (reconnecting). */
        public static final Jitter HALF_TO_FULL = new Jitter(0.5, 1.0);
        /** ±20 %: tries of durable work spread out but keep near their schedule. */
        public static final Jitter PLUS_MINUS_20_PERCENT = new Jitter(0.8, 1.2);

        public Jitter {
            if (!(low > 0 && low <= high)) {
                throw new IllegalArgumentException("jitter needs 0 < low <= high, not " + low + ".." + high);
            }
        }
    }

    private final long baseMillis;
    private final long ceilingMillis;
    private final Jitter jitter;
    private final Random random;
    private int failures;

    /** Half to all of the doubled wait, as a connection loop wants it. */
    public Backoff(Duration base, Duration ceiling, Random random) {
        this(base, ceiling, Jitter.HALF_TO_FULL, random);
    }

    public Backoff(Duration base, Duration ceiling, Jitter jitter, Random random) {
        this.baseMillis = base.toMillis();
        this.ceilingMillis = Math.max(baseMillis, ceiling.toMillis());
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * The wait after {@code failures} failed tries (1: after the first): base × 2^(failures − 1)
     * times the jitter's factor, never above the ceiling.
     */
    public Duration after(int failures) {
        long full = baseMillis << Math.min(Math.max(failures - 1, 0), 30);
        if (full <= 0 || full > ceilingMillis) {
            full = ceilingMillis;
        }
        double factor = jitter.low() + (jitter.high() - jitter.low()) * random.nextDouble();
        return Duration.ofMillis(Math.min(ceilingMillis, Math.round(full * factor)));
    }

    /** The wait before the next attempt, counting this failure. */
    public Duration next() {
        return after(++failures);
    }

    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
