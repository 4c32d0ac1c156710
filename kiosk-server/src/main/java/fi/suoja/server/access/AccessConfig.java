package fi.suoja.server.access;

import fi.suoja.server.throttle.Policy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How long a staff login lasts before staff must log in again, and how wrong passwords are slowed
 * down: per account, and per source address for names that are no account.
 */
@ConfigurationProperties("suoja.access")
public record AccessConfig(
        @Bindable(defaultValue = "10h") @NotNull Duration staffSessionLifetime,
        @Bindable(defaultValue = "10") @Min(1) int loginAttempts,
        @Bindable(defaultValue = "15m") @NotNull Duration loginAttemptWindow,
        @Bindable(defaultValue = "2s") @NotNull Duration loginSlowFirst,
        @Bindable(defaultValue = "5m") @NotNull Duration loginSlowCeiling,
        @Bindable(defaultValue = "30") @Min(1) int unknownNameAttempts) {

    /** Logins never wait for their turn: a try before it is refused, so no request is held for minutes. */
    Policy accountPolicy() {
        return new Policy(loginAttempts, loginAttemptWindow, loginSlowFirst, loginSlowCeiling, Duration.ZERO);
    }

    Policy addressPolicy() {
        return new Policy(unknownNameAttempts, loginAttemptWindow, loginSlowFirst, loginSlowCeiling, Duration.ZERO);
    }
}
