package fi.suoja.hardware.mqtt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * HMAC-SHA256 over a canonical text of the command, with the device's own key. The canonical
 * text does not depend on JSON formatting, so any implementation can rebuild it:
 * <pre>
 * suoja-command-v1\n{id}\n{deviceId}\n{type}\n{issuedAt}\n{expiresAt}\n{key=value\n ...sorted by key}
 * </pre>
 * Instants are ISO-8601 in UTC as {@link java.time.Instant#toString()} writes them.
 */
public final class CommandSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CommandSigner(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a device key has at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public static CommandSigner ofBase64(String key) {
        return new CommandSigner(Base64.getDecoder().decode(key));
    }

    public Command sign(Command command) {
        return command.withSignature(signature(command));
    }

    public boolean verify(Command command) {
        byte[] expected = Base64.getDecoder().decode(signature(command));
        byte[] actual;
        try {
            actual = Base64.getDecoder().decode(command.signature());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    public static String canonical(Command command) {
        StringBuilder text = new StringBuilder("suoja-command-v1\n")
                .append(command.id()).append('\n')
                .append(command.deviceId()).append('\n')
                .append(command.type().name()).append('\n')
                .append(command.issuedAt()).append('\n')
                .append(command.expiresAt()).append('\n');
        for (Map.Entry<String, String> p : new TreeMap<>(command.params()).entrySet()) {
            text.append(p.getKey()).append('=').append(p.getValue()).append('\n');
        }
        return text.toString();
    }

    private String signature(Command command) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical(command).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
