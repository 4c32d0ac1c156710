package fi.suoja.server.metrics;

import fi.suoja.server.broker.DeviceChannel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The server's link to the MQTT broker in {@code /health} (as {@code mqtt}): DOWN while it is
 * broken, because then no wipe goes out and no device is heard. Bookings go on meanwhile.
 */
@Singleton
@Requires(property = "suoja.mqtt.enabled", notEquals = "false")
class MqttLinkHealth implements HealthIndicator {

    private final DeviceChannel channel;

    MqttLinkHealth(DeviceChannel channel) {
        this.channel = channel;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean connected = channel.connected();
        return Mono.just(HealthResult.builder("mqtt", connected ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("connected", connected, "topicRoot", channel.topics().root()))
                .build());
    }
}
