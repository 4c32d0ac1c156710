package fi.suoja.server;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The server's clock in tests: stands still until a test moves it. */
@Singleton
@Replaces(Clock.class)
@Requires(property = OffsetClock.SETTING, notEquals = "true")
public class MutableClock extends InstantsClock {

    private volatile Instant now = Instant.parse("2026-11-24T08:00:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
