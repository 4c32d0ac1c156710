package fi.suoja.server.booking;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * @param codeAttempts       wrong booking codes a kiosk may type within {@code codeAttemptWindow}
 * @param retentionDays      days after its end that a booking keeps its codes and card hash, where its
 *                           site has not chosen a number of its own
 */
@ConfigurationProperties("suoja.bookings")
public record BookingConfig(
        @Bindable(defaultValue = "10") @Min(1) int codeAttempts,
        @Bindable(defaultValue = "10m") @NotNull Duration codeAttemptWindow,
        @Bindable(defaultValue = "30") @Min(1) @Max(365) int retentionDays) {
}
