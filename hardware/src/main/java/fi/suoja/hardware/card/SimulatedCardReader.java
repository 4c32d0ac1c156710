package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;

import java.util.function.Consumer;

/** A reader without cards: {@link #swipe} reads a number as a real reader would, stray characters included. */
public final class SimulatedCardReader implements CardReader {

    private final CardFormat format;
    private final Listeners listeners = new Listeners();

    public SimulatedCardReader(CardFormat format) {
        this.format = format;
    }

    @Override
    public Registration onCard(Consumer<CardNumber> listener) {
        return listeners.add(listener);
    }

    /** Reads the text as if a card carrying it was swiped; answers what was read. */
    public CardRead swipe(String cardText) {
        CardRead read = format.read(cardText);
        if (read instanceof CardRead.Accepted accepted) {
            listeners.deliver(accepted.number());
        }
        return read;
    }
}
