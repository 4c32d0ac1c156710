package fi.suoja.server.broker;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password-file entries in the format of Mosquitto 2 ({@code mosquitto_passwd -H sha512-pbkdf2}):
 * {@code user:$7$<iterations>$<salt, Base64>$<PBKDF2-HMAC-SHA512 of the password, Base64>} with a
 * 12-byte salt and a 64-byte hash. Mosquitto reads the iteration count from each line.
 */
public final class MosquittoPassword {

    static final int ITERATIONS = 1000;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BITS = 512;

    private MosquittoPassword() {
    }

    /** The part after {@code user:}. */
    public static String hash(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    public static String hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA512", e);
        }
    }

    public static String line(String username, String hash) {
        if (username.contains(":") || username.contains("\n")) {
            throw new IllegalArgumentException("a Mosquitto user name has no ':' and no line break");
        }
        return username + ":" + hash;
    }

    /** Whether a password matches a hash of this format; for tests and checks. */
    public static boolean matches(String password, String hash) {
        String[] parts = hash.split("\\$");
        // ["", "7", iterations, salt, hash]
        if (parts.length != 5 || !parts[1].equals("7")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        String again = hash(password, salt, Integer.parseInt(parts[2]));
        return java.security.MessageDigest.isEqual(again.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }
}
