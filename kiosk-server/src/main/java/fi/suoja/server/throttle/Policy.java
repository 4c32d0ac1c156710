package fi.suoja.server.throttle;

import java.time.Duration;

/**
 * How hard guessing is slowed in one scope.
 *
 * @param freeAttempts wrong attempts within {@code window} that are answered at once
 * @param window       how long wrong attempts are remembered, from the first of them
 * @param firstSpacing after the free attempts, the time between two tries; it doubles with every
 *                     further wrong attempt
 * @param maxSpacing   up to this
 * @param maxWait      how long a try may be held back to its turn; a try whose turn is further
 *                     away is refused without being looked at (429). Zero: never held, refused
 *                     unless its turn is now.
 */
public record Policy(int freeAttempts, Duration window, Duration firstSpacing, Duration maxSpacing, Duration maxWait) {

    public Policy {
        if (freeAttempts < 1 || window.isNegative() || window.isZero() || firstSpacing.isNegative() || firstSpacing.isZero()
                || maxSpacing.compareTo(firstSpacing) < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("a throttle needs free attempts, a window and growing spacings");
        }
    }

    /** The time between tries after {@code beyond} wrong attempts past the free ones. */
    Duration spacing(int beyond) {
        Duration spacing = firstSpacing;
        for (int i = 0; i < beyond && spacing.compareTo(maxSpacing) < 0; i++) {
            spacing = spacing.multipliedBy(2);
        }
        return spacing.compareTo(maxSpacing) > 0 ? maxSpacing : spacing;
    }
}
