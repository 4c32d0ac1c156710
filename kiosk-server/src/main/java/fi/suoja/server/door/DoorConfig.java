package fi.suoja.server.door;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How the server drives doors and signs from the bookings.
 *
 * @param retryFirst  wait after a failed try before the next; doubles with every try (±20 % jitter)
 * @param retryCeiling the longest wait between two tries
 * @param maxAttempts tries before a task FAILS and staff are alerted (an adapter may send each try several times)
 * @param lease       how long a claimed try may run before another instance may take the task over; longer
 *                    than the lock adapter's longest wait (attempts × answer timeout)
 * @param endingSoon  how long before a booking's end its sign turns ENDING_SOON
 * @param codeSlots   keypad slots 1..codeSlots are the server's; slot 0 is left to the library's own master code
 */
@ConfigurationProperties("suoja.doors")
record DoorConfig(
        @Bindable(defaultValue = "30s") @NotNull Duration retryFirst,
        @Bindable(defaultValue = "10m") @NotNull Duration retryCeiling,
        @Bindable(defaultValue = "5") @Min(1) int maxAttempts,
        @Bindable(defaultValue = "2m") @NotNull Duration lease,
        @Bindable(defaultValue = "5m") @NotNull Duration endingSoon,
        @Bindable(defaultValue = "20") @Min(1) @Max(249) int codeSlots) {
}
