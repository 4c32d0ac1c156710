package fi.suoja.hardware.card;

/** A library card's number as read: upper-case letters and digits only. Make one with {@link CardFormat#read}. */
public record CardNumber(String value) {

    public CardNumber {
        if (value == null || value.isEmpty() || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            throw new IllegalArgumentException("a card number is upper-case letters and digits");
        }
    }

    /** Only the last four characters: card numbers are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "CardNumber[…" + value.substring(Math.max(0, value.length() - 4)) + "]";
    }
}
