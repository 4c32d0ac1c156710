package fi.suoja.server.secret;

import fi.suoja.server.db.Tx;
import fi.suoja.server.db.SqlErrors;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys that must be the same on every server instance but never sit in the repository or the
 * configuration: made at random on first use; the first instance to store one wins.
 */
@Singleton
public class ServerSecrets {

    private final ServerSecretRepository secrets;
    private final Tx tx;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    ServerSecrets(ServerSecretRepository secrets, Tx tx) {
        this.secrets = secrets;
        this.tx = tx;
    }

    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        var existing = tx.read(() -> secrets.findById(name));
        if (existing.isPresent()) {
            return Base64.getDecoder().decode(existing.get().secret());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            tx.run(() -> secrets.save(new ServerSecret(name, Base64.getEncoder().encodeToString(key))));
            return key;
        } catch (DataAccessException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // Another instance stored its key first: use that one.
            return Base64.getDecoder().decode(tx.read(() -> secrets.findById(name)).orElseThrow().secret());
        }
    }
}
