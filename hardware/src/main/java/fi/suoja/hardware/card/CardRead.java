package fi.suoja.hardware.card;

/** What came of reading typed or scanned input as a card number. */
public sealed interface CardRead {

    record Accepted(CardNumber number) implements CardRead {
    }

    /** Not a card number; the reason is fit to show the person at the kiosk. */
    record Rejected(String reason) implements CardRead {
    }
}
