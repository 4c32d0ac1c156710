package fi.suoja.server.door;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

/**
 * Which adapters drive the doors and signs. Configuration decides the adapters and nothing else:
 * the booking lifecycle is the same for all. Checked at start, so a misspelt adapter stops the
 * server with its name instead of leaving the doors without a driver.
 *
 * @param locks {@code simulated} (default: no hardware needed), {@code zigbee2mqtt} (keypad locks paired
 *              with Zigbee2MQTT) or {@code tasmota} (door strikes on a Tasmota relay: unlock only)
 * @param signs {@code simulated} (default) or {@code mqtt}
 */
@ConfigurationProperties("suoja.hardware")
record HardwareConfig(
        @Bindable(defaultValue = SIMULATED) @Pattern(regexp = SIMULATED + "|" + ZIGBEE2MQTT + "|" + TASMOTA) String locks,
        @Bindable(defaultValue = SIMULATED) @Pattern(regexp = SIMULATED + "|" + MQTT) String signs) {

    static final String SIMULATED = "simulated";
    static final String ZIGBEE2MQTT = "zigbee2mqtt";
    static final String TASMOTA = "tasmota";
    static final String MQTT = "mqtt";
}
