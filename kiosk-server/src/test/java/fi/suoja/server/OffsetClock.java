package fi.suoja.server;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock when the kiosk UI's browser tests run the server as a process of its own
 * (with these test classes on its class path and {@value #SETTING}{@code =true}): the real time,
 * moved forward by what the test asks through {@link OffsetClockController}, so that a booking's
 * grace time passes without waiting for it. The server's own tests use {@link MutableClock}.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = OffsetClock.SETTING, value = "true")
public class OffsetClock extends InstantsClock {

    public static final String SETTING = "suoja.test.offset-clock";

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward; it never goes back, as the server's schedules expect. */
    Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
