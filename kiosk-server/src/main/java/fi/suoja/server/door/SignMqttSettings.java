package fi.suoja.server.door;

import fi.suoja.hardware.sign.MqttSignConfig;
import fi.suoja.hardware.sign.SignFormat;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code suoja.hardware.sign-mqtt.*}: where the signs listen and which convention they speak
 * ({@code PLAIN_JSON} for our own controllers, {@code ZIGBEE2MQTT_LIGHT} for colour lights).
 */
@ConfigurationProperties("suoja.hardware.sign-mqtt")
record SignMqttSettings(
        @Bindable(defaultValue = "suoja/signs") @NotBlank String topicPrefix,
        @Bindable(defaultValue = "PLAIN_JSON") @NotNull SignFormat format) {

    MqttSignConfig signConfig() {
        return new MqttSignConfig(topicPrefix, format, MqttSignConfig.defaultColors());
    }
}
