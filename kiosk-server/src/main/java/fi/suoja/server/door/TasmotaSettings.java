package fi.suoja.server.door;

import fi.suoja.hardware.door.TasmotaRelayLockConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code suoja.hardware.tasmota.*}: checked by the hardware's own config record. */
@ConfigurationProperties("suoja.hardware.tasmota")
record TasmotaSettings(
        @Bindable(defaultValue = "1") int relay,
        @Bindable(defaultValue = "3s") @NotNull Duration answerTimeout,
        @Bindable(defaultValue = "3") int attempts) {

    TasmotaRelayLockConfig lockConfig() {
        return new TasmotaRelayLockConfig(relay, answerTimeout, attempts);
    }
}
