package fi.suoja.server.door;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The broker of the MQTT locks and signs. Empty {@code url}: the fleet's broker (the embedded one by
 * default, or {@code suoja.mqtt.url}), with the fleet's credentials.
 */
@ConfigurationProperties("suoja.hardware.broker")
record HardwareBrokerConfig(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "10s") @NotNull Duration connectTimeout) {
}
