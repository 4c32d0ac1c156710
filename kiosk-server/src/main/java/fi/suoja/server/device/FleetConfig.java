package fi.suoja.server.device;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * @param wipeRetryFirst    wait after the first WIPE command before sending it again; doubles with every try
 * @param wipeRetryCeiling  the longest wait between two tries
 * @param wipeMaxAttempts   tries without a result (while the device is online) before the wipe is TIMED_OUT and the device WIPE_FAILED
 * @param commandLifetime   how long a command stays valid for the agent after it is issued
 * @param heartbeatSeconds  written into agent configurations
 * @param wipeAreas         the default guest areas written into agent configurations (comma-separated)
 * @param agentStateDir     written into agent configurations
 * @param sessionKind       written into agent configurations: linux, command or simulated
 * @param guestUser         with linux: the guest's user name, written into agent configurations
 * @param maxWalkIn         the longest walk-in loan
 * @param warnBefore        how long before a loan's end the laptop is told to warn its user
 */
@ConfigurationProperties("suoja.fleet")
record FleetConfig(
        @Bindable(defaultValue = "1m") @NotNull Duration wipeRetryFirst,
        @Bindable(defaultValue = "30m") @NotNull Duration wipeRetryCeiling,
        @Bindable(defaultValue = "6") @Min(1) int wipeMaxAttempts,
        @Bindable(defaultValue = "15m") @NotNull Duration commandLifetime,
        @Bindable(defaultValue = "60") @Min(5) int heartbeatSeconds,
        @Bindable(defaultValue = "/home/suoja-guest,/tmp/suoja-guest-files") @NotBlank String wipeAreas,
        @Bindable(defaultValue = "/var/lib/suoja-agent") @NotBlank String agentStateDir,
        @Bindable(defaultValue = "linux") @NotBlank String sessionKind,
        @Bindable(defaultValue = "suoja-guest") @NotBlank String guestUser,
        @Bindable(defaultValue = "12h") @NotNull Duration maxWalkIn,
        @Bindable(defaultValue = "10m") @NotNull Duration warnBefore) {
}
