package fi.suoja.hardware.card;

/**
 * What a card number of this library looks like, and how raw reader input becomes one.
 * Readers add stray characters: spaces and dashes when typed, track sentinels ({@code % ; ?}),
 * CR/LF and other control characters when scanned or swiped. Those are dropped; letters are
 * upper-cased; what is left must be {@code minLength} to {@code maxLength} characters, and
 * digits only unless {@code lettersAllowed}.
 */
public record CardFormat(int minLength, int maxLength, boolean lettersAllowed) {

    /** No real card number is longer; longer input is a mistake, such as a barcode scanned twice. */
    public static final int LONGEST = 32;

    public CardFormat {
        if (minLength < 1 || maxLength > LONGEST || minLength > maxLength) {
            throw new IllegalArgumentException("card number lengths are 1 to " + LONGEST + " with min <= max, not "
                    + minLength + " to " + maxLength);
        }
    }

    /** Finnish public library cards: 10 to 14 digits. */
    public static CardFormat digits(int minLength, int maxLength) {
        return new CardFormat(minLength, maxLength, false);
    }

    public CardRead read(String raw) {
        if (raw == null) {
            return new CardRead.Rejected("nothing was read");
        }
        StringBuilder kept = new StringBuilder();
        boolean lettersSeen = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                kept.append(c);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                lettersSeen = true;
                kept.append(Character.toUpperCase(c));
            }
            // anything else is a separator, sentinel or control character from the reader
        }
        if (lettersSeen && !lettersAllowed) {
            return new CardRead.Rejected("a card number has digits only");
        }
        if (kept.length() < minLength) {
            return new CardRead.Rejected(kept.length() == 0 ? "nothing was read" : "too short for a card number");
        }
        if (kept.length() > maxLength) {
            return new CardRead.Rejected("too long for a card number");
        }
        return new CardRead.Accepted(new CardNumber(kept.toString()));
    }
}
