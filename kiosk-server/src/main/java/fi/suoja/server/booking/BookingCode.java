package fi.suoja.server.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a citizen gets for a booking: nine characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), so 31^9 ≈ 2^44.6 codes, shown in groups of three ({@code K7M-4PX-ZQ2}).
 * Typing is forgiving: case, spaces and dashes do not matter.
 */
public record BookingCode(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 9;

    public BookingCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a booking code");
        }
    }

    static BookingCode random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new BookingCode(code.toString());
    }

    /** The code a person typed, if it can be one. */
    public static Optional<BookingCode> parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String normalised = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-–]", "");
        if (normalised.length() != LENGTH || !normalised.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new BookingCode(normalised));
    }

    /** How the code is shown and read aloud. */
    public String display() {
        return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6);
    }

    /** Bits of randomness in a code. */
    static double entropyBits() {
        return LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }
}
