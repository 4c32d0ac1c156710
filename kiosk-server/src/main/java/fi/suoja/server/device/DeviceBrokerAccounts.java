package fi.suoja.server.device;

import fi.suoja.server.broker.BrokerAccounts;
import fi.suoja.server.broker.MosquittoPassword;
import fi.suoja.server.db.Tx;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The devices' broker accounts for the embedded broker: the same as in the Mosquitto password file the server writes. */
@Singleton
class DeviceBrokerAccounts implements BrokerAccounts {

    private final DeviceRepository devices;
    private final Tx tx;

    DeviceBrokerAccounts(DeviceRepository devices, Tx tx) {
        this.devices = devices;
        this.tx = tx;
    }

    @Override
    public Optional<String> device(String username, String password) {
        return tx.run(() -> devices.findByBrokerUsername(username))
                .filter(d -> d.kind().hasAgent() && d.state() != DeviceState.RETIRED && d.brokerPasswordHash() != null)
                .filter(d -> MosquittoPassword.matches(password, d.brokerPasswordHash()))
                .map(Device::id);
    }
}
