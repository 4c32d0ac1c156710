package fi.suoja.server.door;

import fi.suoja.hardware.broker.BrokerConfig;
import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.PahoBrokerConnection;
import fi.suoja.hardware.door.SimulatedDoorLock;
import fi.suoja.hardware.door.TasmotaRelayLock;
import fi.suoja.hardware.door.Zigbee2MqttLock;
import fi.suoja.hardware.sign.MqttRoomSign;
import fi.suoja.hardware.sign.SimulatedRoomSign;
import fi.suoja.server.broker.BrokerAddress;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Makes the lock and sign adapters that {@code suoja.hardware.locks} and {@code suoja.hardware.signs}
 * name. The simulators are beans of their own type, so tests (and a one-box demo) can ask them
 * what a door would do. The MQTT adapters share one connection of their own to the broker.
 */
@Factory
class HardwareFactory {

    @Singleton
    @Requires(property = "suoja.hardware.locks", value = HardwareConfig.SIMULATED, defaultValue = HardwareConfig.SIMULATED)
    SimulatedDoorLock simulatedLocks(Clock clock) {
        // Like a Zigbee lock it ignores the code's window, so the door opens exactly when the server sets and revokes.
        return SimulatedDoorLock.likeZigbee(clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "suoja.hardware.locks", value = HardwareConfig.ZIGBEE2MQTT)
    Zigbee2MqttLock zigbeeLocks(BrokerConnection broker, Zigbee2MqttSettings settings, Clock clock) throws BrokerException {
        return new Zigbee2MqttLock(broker, settings.lockConfig(), clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "suoja.hardware.locks", value = HardwareConfig.TASMOTA)
    TasmotaRelayLock tasmotaLocks(BrokerConnection broker, TasmotaSettings settings, Clock clock) throws BrokerException {
        return new TasmotaRelayLock(broker, settings.lockConfig(), clock);
    }

    @Singleton
    @Requires(property = "suoja.hardware.signs", value = HardwareConfig.SIMULATED, defaultValue = HardwareConfig.SIMULATED)
    SimulatedRoomSign simulatedSigns(Clock clock) {
        return new SimulatedRoomSign(clock);
    }

    @Singleton
    @Requires(property = "suoja.hardware.signs", value = HardwareConfig.MQTT)
    MqttRoomSign mqttSigns(BrokerConnection broker, SignMqttSettings settings) {
        return new MqttRoomSign(broker, settings.signConfig());
    }

    /** Made only when an MQTT adapter is configured; connects at once and reconnects by itself. */
    @Singleton
    @Bean(preDestroy = "close")
    BrokerConnection hardwareBroker(HardwareBrokerConfig config, BrokerAddress fleetBroker) throws BrokerException {
        boolean own = config.url() != null && !config.url().isBlank();
        String url = own ? config.url() : fleetBroker.url();
        String username = own ? blankToNull(config.username()) : fleetBroker.username().orElse(null);
        String password = own ? blankToNull(config.password()) : fleetBroker.password().orElse(null);
        String clientId = fleetBroker.clientId() + "-hw";
        return new PahoBrokerConnection(new BrokerConfig(url, clientId, username, password, config.connectTimeout()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
