package fi.suoja.server.device;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/** Unguessable text for device ids, broker passwords and command ids, from one secure source. */
@Singleton
class RandomText {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();

    String of(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** The source itself, for salts. */
    SecureRandom source() {
        return random;
    }
}
