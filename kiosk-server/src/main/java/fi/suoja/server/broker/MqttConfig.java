package fi.suoja.server.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How the server reaches the MQTT broker.
 *
 * @param enabled        false runs the server without a broker: commands are then never sent (for tests of other features)
 * @param url            the broker the server connects to
 * @param agentUrl       the broker address written into agents' configuration files; defaults to {@code url}
 * @param clientId       must be unique per server instance and stable across its restarts, so its persistent session
 *                       survives; when empty, a random one is made at start
 * @param topicRoot      the root of the topic tree (see {@code Topics})
 * @param sharedGroup    the shared-subscription group of all server instances of one fleet; when empty, one derived
 *                       from a server secret (see {@code MqttLink}), so that no device account can join it
 * @param sessionExpirySeconds how long the broker keeps the server's session (and queues its events) while it is away
 * @param inboundLanes   threads that handle what devices publish; one device's messages always go to the same one, in
 *                       their order of arrival (see {@code MqttLink})
 */
@ConfigurationProperties("suoja.mqtt")
public record MqttConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "tcp://127.0.0.1:1884") @NotBlank String url,
        @Nullable String agentUrl,
        @Nullable String username,
        @Nullable String password,
        @Nullable String clientId,
        @Bindable(defaultValue = "suoja/v1") @NotBlank String topicRoot,
        @Nullable String sharedGroup,
        @Bindable(defaultValue = "3600") @Min(0) long sessionExpirySeconds,
        @Bindable(defaultValue = "4") @Min(1) int inboundLanes) {

    public MqttConfig {
        if (clientId == null || clientId.isBlank()) {
            clientId = "suoja-server-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
