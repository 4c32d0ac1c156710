package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.server.secret.ServerSecrets;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Device signing keys at rest: AES-256-GCM with a server key shared by all instances through the
 * database, the device id as associated data (a key copied to another device's row does not open).
 * Stored as Base64 of {@code iv || ciphertext+tag}.
 */
@Singleton
class DeviceKeys {

    private static final int IV_BYTES = 12;

    private final ServerSecrets secrets;
    private final SecureRandom random = new SecureRandom();
    /**
     * Keys opened before, by device, each with the sealed text it was opened from: every status
     * and event is checked with its device's key, and opening it (AES-GCM) each time was work
     * for nothing. An entry is used only while the row read for the message still holds that very
     * sealed text; a new key is sealed with a new random IV, so a key changed by any instance is
     * opened afresh. Holds at most one entry per device.
     */
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    private record Opened(String keyCipher, CommandSigner signer) {
    }

    DeviceKeys(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** A new random 32-byte key, Base64, as the agent's configuration carries it. */
    String newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    String seal(String deviceId, String keyBase64) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, deviceId);
            byte[] sealed = cipher.doFinal(keyBase64.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a device key", e);
        }
    }

    String open(String deviceId, String keyCipher) {
        try {
            byte[] all = Base64.getDecoder().decode(keyCipher);
            byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, deviceId);
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt the key of device " + deviceId, e);
        }
    }

    /** The device's key as a signer: of commands to the device, and to check what its agent reports. */
    CommandSigner signer(Device device) {
        if (device.keyCipher() == null) {
            throw new IllegalStateException("Device " + device.id() + " has no key (no agent)");
        }
        Opened known = opened.get(device.id());
        if (known != null && known.keyCipher().equals(device.keyCipher())) {
            return known.signer();
        }
        CommandSigner signer = CommandSigner.ofBase64(open(device.id(), device.keyCipher()));
        opened.put(device.id(), new Opened(device.keyCipher(), signer));
        return signer;
    }

    private Cipher cipher(int mode, byte[] iv, String deviceId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(secrets.key("device-key-wrap"), "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(deviceId.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
