package fi.suoja.server.work;

import fi.suoja.hardware.broker.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * How often and how far apart durable work is tried: the wait after a failed try doubles from
 * {@code first} (±20 %), never above {@code ceiling}; after {@code maxAttempts} tries the work fails.
 */
public record RetryPolicy(Backoff backoff, int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("work is tried at least once");
        }
    }

    public static RetryPolicy of(Duration first, Duration ceiling, int maxAttempts) {
        return new RetryPolicy(new Backoff(first, ceiling, Backoff.Jitter.PLUS_MINUS_20_PERCENT, new Random()), maxAttempts);
    }

    /** When the try after try {@code attempt} may be claimed, if that one fails at {@code failedAt}. */
    public Instant nextTry(int attempt, Instant failedAt) {
        return failedAt.plus(backoff.after(attempt));
    }

    public boolean usedUp(int attempts) {
        return attempts >= maxAttempts;
    }
}
