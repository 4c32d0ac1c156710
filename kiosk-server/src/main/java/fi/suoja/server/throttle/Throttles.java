package fi.suoja.server.throttle;

import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Slows down guessing in a scope (a kiosk, an account, an address) without ever refusing the
 * right answer that arrives in its turn.
 *
 * <p>The first {@link Policy#freeAttempts()} wrong tries of a window are answered at once: a
 * visitor who mistypes twice notices nothing. After that every try of the scope, right or wrong,
 * waits for a turn; turns are {@link Policy#firstSpacing()} apart and the spacing doubles with
 * every further wrong try up to {@link Policy#maxSpacing()}. Right and wrong tries wait alike, so
 * the answer time tells a guesser nothing, and a guesser gets one look per turn however many
 * requests it sends at once: a try whose turn lies beyond {@link Policy#maxWait()} is refused
 * (429) without being looked at. A right try gives its count back.
 *
 * <p>The counter is a row per scope, changed under its row lock in a transaction of its own, so
 * that any number of server instances count one sequence of tries. When a scope first runs out
 * of free tries in a window, staff get an alert ({@link GuessingSlowed}) and a counter rises.
 */
@Singleton
public class Throttles {

    private static final Logger LOG = LoggerFactory.getLogger(Throttles.class);

    private final AttemptThrottleRepository throttles;
    private final Tx tx;
    private final Clock clock;
    private final ApplicationEventPublisher<GuessingSlowed> slowedEvents;
    private final Map<Scope.Kind, Counter> slowed = new EnumMap<>(Scope.Kind.class);
    private final Map<Scope.Kind, Counter> refused = new EnumMap<>(Scope.Kind.class);

    Throttles(AttemptThrottleRepository throttles, Tx tx, Clock clock,
              ApplicationEventPublisher<GuessingSlowed> slowedEvents, MeterRegistry registry) {
        this.throttles = throttles;
        this.tx = tx;
        this.clock = clock;
        this.slowedEvents = slowedEvents;
        for (Scope.Kind kind : Scope.Kind.values()) {
            String tag = kind.name().toLowerCase(java.util.Locale.ROOT);
            slowed.put(kind, Counter.builder("suoja.guessing.slowed")
                    .description("Times a kiosk, account or address ran out of its free wrong attempts and was slowed down")
                    .tag("scope", tag).register(registry));
            refused.put(kind, Counter.builder("suoja.guessing.refused")
                    .description("Tries refused unseen (429) because the scope's next turn was too far away")
                    .tag("scope", tag).register(registry));
        }
    }

    /**
     * Runs {@code attempt} in its turn. An exception for which {@code wrong} holds leaves the try
     * counted as wrong; any other outcome gives the count back. A try refused for its turn is a
     * {@link ProblemType#TOO_MANY_ATTEMPTS} with {@code refusal} as its sentence.
     */
    public <T> T guarded(Scope scope, Policy policy, String refusal, Predicate<RuntimeException> wrong, Supplier<T> attempt) {
        Turn turn = take(scope, policy);
        if (turn.refused()) {
            refused.get(scope.kind()).increment();
            LOG.info("Try refused for {}: its next turn is too far away", scope.key());
            throw new SuojaException(ProblemType.TOO_MANY_ATTEMPTS, refusal);
        }
        if (turn.slowedNow()) {
            slowed.get(scope.kind()).increment();
            LOG.warn("Guessing slowed down for {} after {} wrong tries", scope.key(), turn.failures() - 1);
            try {
                slowedEvents.publishEvent(new GuessingSlowed(scope, turn.failures() - 1, clock.instant()));
            } catch (RuntimeException e) {
                LOG.error("A listener failed on the slowing down of {}", scope.key(), e);
            }
        }
        waitFor(turn.at());
        T result;
        try {
            result = attempt.get();
        } catch (RuntimeException e) {
            if (!wrong.test(e)) {
                giveBack(scope, turn);
            }
            throw e;
        }
        giveBack(scope, turn);
        return result;
    }

    /** Forgets windows that ended long ago. */
    public int deleteOlderThan(Instant before) {
        return tx.alone(() -> throttles.deleteOlderThan(before));
    }

    private record Turn(Instant at, Instant windowStart, int failures, boolean slowedNow, boolean refused) {
    }

    private Turn take(Scope scope, Policy policy) {
        // Never inside the caller's transaction: a wrong password rolls the login back, and the count of it must stay.
        return tx.alone(() -> {
            Instant now = clock.instant();
            AttemptThrottle row = throttles.lock(scope.key())
                    .orElseGet(() -> throttles.save(new AttemptThrottle(scope.key(), now, 0, now, null)));
            if (!now.isBefore(row.windowStart().plus(policy.window()))) {
                row = new AttemptThrottle(row.scope(), now, 0, now, row.alertedAt());
            }
            if (row.failures() < policy.freeAttempts()) {
                throttles.update(new AttemptThrottle(row.scope(), row.windowStart(), row.failures() + 1, row.nextSlot(),
                        row.alertedAt()));
                return new Turn(now, row.windowStart(), row.failures() + 1, false, false);
            }
            Instant turn = row.nextSlot().isAfter(now) ? row.nextSlot() : now;
            if (turn.isAfter(now.plus(policy.maxWait()))) {
                return new Turn(turn, row.windowStart(), row.failures(), false, true);
            }
            boolean firstInWindow = row.alertedAt() == null || row.alertedAt().isBefore(row.windowStart());
            Duration spacing = policy.spacing(row.failures() - policy.freeAttempts());
            throttles.update(new AttemptThrottle(row.scope(), row.windowStart(), row.failures() + 1, turn.plus(spacing),
                    firstInWindow ? now : row.alertedAt()));
            return new Turn(turn, row.windowStart(), row.failures() + 1, firstInWindow, false);
        });
    }

    private void giveBack(Scope scope, Turn turn) {
        tx.alone(() -> throttles.giveBack(scope.key(), turn.windowStart()));
    }

    private void waitFor(Instant turn) {
        Duration wait = Duration.between(clock.instant(), turn);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuojaException(ProblemType.TOO_MANY_ATTEMPTS, "The server is stopping. Please try again.");
        }
    }
}
