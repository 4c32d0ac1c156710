package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A keyboard-style reader: it types the card number into whatever has the focus and presses
 * Enter, as a person typing the number does. The kiosk's field feeds this helper either key by
 * key ({@link #key(char)}) or with the whole value when Enter is pressed ({@link #enter(String)});
 * both give the same {@link CardRead}, and an accepted number also reaches the listeners.
 */
public final class KeyboardWedge implements CardReader {

    private static final int MAX_BUFFER = CardFormat.LONGEST * 4;

    private final CardFormat format;
    private final Listeners listeners = new Listeners();
    private final StringBuilder typed = new StringBuilder();

    public KeyboardWedge(CardFormat format) {
        this.format = format;
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
        if (c == '\r' || c == '\n') {
            String value = typed.toString();
            typed.setLength(0);
            return Optional.of(enter(value));
        }
        if (typed.length() < MAX_BUFFER) {
            typed.append(c);
        }
        return Optional.empty();
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
