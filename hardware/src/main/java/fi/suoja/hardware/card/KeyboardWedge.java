package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A keyboard-style reader: it types the card number into whatever has the focus and presses
 * Enter, as a person typing the number does. The kiosk's field feeds this helper either key by
 * key ({@link #key(char)}) or with the whole value when Enter is pressed ({@link #enter(String)});
 * both give the same {@link CardRead}, and an accepted number also reaches the listeners.
 *
 * <p>A 2D barcode scanner reading a receipt's QR code is such a reader too. Where one listens on
 * every screen, only a reader's fast typing should count: made with a longest gap between keys,
 * the wedge takes each key with the instant it was typed ({@link #key(char, long)}), and a key that
 * comes later than that after the one before starts the input anew. What a person typed by hand
 * before is dropped, and an Enter that ends nothing typed fast reads nothing.
 */
public final class KeyboardWedge implements CardReader {

    private static final int MAX_BUFFER = CardFormat.LONGEST * 4;

    private final CardFormat format;
    private final long maxGapMillis;
    private final Listeners listeners = new Listeners();
    private final StringBuilder typed = new StringBuilder();
    private long lastKeyAt;

    public KeyboardWedge(CardFormat format) {
        this.format = format;
        this.maxGapMillis = Long.MAX_VALUE;
    }

    /** A reader whose keys come at most {@code maxGap} apart, for {@link #key(char, long)}. */
    public KeyboardWedge(CardFormat format, Duration maxGap) {
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("the longest gap between a reader's keys is more than zero, not " + maxGap);
        }
        this.format = format;
        this.maxGapMillis = maxGap.toMillis();
    }

    @Override
    public Registration onCard(Consumer<CardNumber> listener) {
        return listeners.add(listener);
    }

    /**
     * One typed character. Enter (CR or LF) ends the number and answers what was read; any other
     * key answers nothing yet.
     */
    public synchronized Optional<CardRead> key(char c) {
        if (isEnter(c)) {
            String value = typed.toString();
            typed.setLength(0);
            return Optional.of(enter(value));
        }
        if (typed.length() < MAX_BUFFER) {
            typed.append(c);
        }
        return Optional.empty();
    }

    /**
     * One typed character with the instant it was typed (milliseconds on any steady clock, such as
     * a browser event's time stamp). A key later than the longest gap after the one before starts
     * the input anew. Enter answers what was read, or nothing when nothing was typed fast before it.
     */
    public synchronized Optional<CardRead> key(char c, long atMillis) {
        if (typed.length() > 0 && atMillis - lastKeyAt > maxGapMillis) {
            // typed by hand, or left over: a reader types the whole number at once
            typed.setLength(0);
        }
        lastKeyAt = atMillis;
        if (isEnter(c) && typed.length() == 0) {
            return Optional.empty();
        }
        return key(c);
    }

    private static boolean isEnter(char c) {
        return c == '\r' || c == '\n';
    }

    /** The field's whole value when Enter was pressed. */
    public CardRead enter(String value) {
        CardRead read = format.read(value);
        if (read instanceof CardRead.Accepted accepted) {
            listeners.deliver(accepted.number());
        }
        return read;
    }
}
