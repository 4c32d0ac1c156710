package fi.suoja.server.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The broker the server starts inside itself for one library on one machine. It is anonymous and
 * listens on {@code bindAddress} only (localhost by default); a city installation uses an external
 * Mosquitto with per-device passwords and ACLs instead (set {@code enabled} to false).
 */
@ConfigurationProperties("suoja.mqtt.embedded")
public record EmbeddedBrokerConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1884") @Min(1) @Max(65535) int port,
        @Bindable(defaultValue = "127.0.0.1") @NotBlank String bindAddress,
        @Bindable(defaultValue = "./data/broker") @NotBlank String dataDir,
        @Bindable(defaultValue = "true") boolean persistent) {
}
