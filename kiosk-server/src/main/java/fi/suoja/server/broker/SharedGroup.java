package fi.suoja.server.broker;

import fi.suoja.server.secret.ServerSecrets;
import jakarta.inject.Singleton;

/**
 * The shared-subscription group of the server instances of one fleet. A broker hands each member of
 * a group its share of the devices' events; Mosquitto 2.0's ACL file does not check subscriptions,
 * so a laptop's account could join a group whose name it knows and make the broker drop the events
 * it was handed (they fail the ACL on delivery). The name is therefore {@code suoja.mqtt.shared-group}
 * when an operator sets one, and otherwise derived from a secret that all instances share through
 * the database and that no device ever sees.
 */
@Singleton
public final class SharedGroup {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final MqttConfig config;
    private final ServerSecrets secrets;

    SharedGroup(MqttConfig config, ServerSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /** The group's name, the same on every instance that shares the database. */
    public String name() {
        if (config.sharedGroup() != null && !config.sharedGroup().isBlank()) {
            return config.sharedGroup();
        }
        byte[] key = secrets.key("mqtt-shared-group");
        StringBuilder name = new StringBuilder("suoja-");
        for (int i = 0; i < 16; i++) {
            name.append(ALPHABET.charAt((key[i] & 0xff) % ALPHABET.length()));
        }
        return name.toString();
    }
}
