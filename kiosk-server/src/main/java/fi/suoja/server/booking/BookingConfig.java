package fi.suoja.server.booking;

import fi.suoja.server.throttle.Policy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * @param codeAttempts       wrong booking codes a kiosk may type within {@code codeAttemptWindow} before
 *                           its tries are slowed down
 * @param codeSlowFirst      then the time between two tries of the kiosk, doubling with each wrong code
 * @param codeSlowCeiling    up to this; also the longest a try is held back for its turn (a visitor's
 *                           right code is answered after at most this long, never refused)
 * @param retentionDays      days after its end that a booking keeps its codes and card hash, where its
 *                           site has not chosen a number of its own
 */
@ConfigurationProperties("suoja.bookings")
public record BookingConfig(
        @Bindable(defaultValue = "10") @Min(1) int codeAttempts,
        @Bindable(defaultValue = "10m") @NotNull Duration codeAttemptWindow,
        @Bindable(defaultValue = "30") @Min(1) @Max(365) int retentionDays,
        @Bindable(defaultValue = "1s") @NotNull Duration codeSlowFirst,
        @Bindable(defaultValue = "6s") @NotNull Duration codeSlowCeiling) {

    /** How wrong codes at one kiosk are slowed down. */
    public Policy codePolicy() {
        return new Policy(codeAttempts, codeAttemptWindow, codeSlowFirst, codeSlowCeiling, codeSlowCeiling);
    }
}
