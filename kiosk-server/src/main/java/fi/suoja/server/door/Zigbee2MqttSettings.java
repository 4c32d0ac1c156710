package fi.suoja.server.door;

import fi.suoja.hardware.door.Zigbee2MqttLockConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code suoja.hardware.zigbee2mqtt.*}: checked by the hardware's own config record. */
@ConfigurationProperties("suoja.hardware.zigbee2mqtt")
record Zigbee2MqttSettings(
        @Bindable(defaultValue = Zigbee2MqttLockConfig.DEFAULT_BASE_TOPIC) @NotBlank String baseTopic,
        @Bindable(defaultValue = "15s") @NotNull Duration answerTimeout,
        @Bindable(defaultValue = "3") int attempts) {

    Zigbee2MqttLockConfig lockConfig() {
        return new Zigbee2MqttLockConfig(baseTopic, answerTimeout, attempts);
    }
}
