package fi.suoja.server.booking;

import fi.suoja.hardware.crypto.Hmac;
import fi.suoja.server.secret.ServerSecrets;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * What a booking keeps of a library card: an HMAC of the card number under a server secret, so
 * the number itself is never stored and the limit per card can still be counted. Spaces and dashes
 * do not count and letters are read as capitals, so the same card typed or read two ways is one card.
 */
@Singleton
class CardHash {

    private static final String SECRET = "library-card";

    private final ServerSecrets secrets;

    CardHash(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** The card's hash; refuses anything that cannot be a card number. */
    String of(String card) {
        String normalised = card.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!normalised.matches("[0-9A-Z]{4,32}")) {
            throw BookingService.violation(RuleViolation.CARD_INVALID);
        }
        return new Hmac(secrets.key(SECRET)).hex(normalised);
    }
}
