package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The listeners of one reader; one failing listener does not keep the card from the others. */
final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<Consumer<CardNumber>> listeners = new CopyOnWriteArrayList<>();

    Registration add(Consumer<CardNumber> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void deliver(CardNumber number) {
        for (Consumer<CardNumber> listener : listeners) {
            try {
                listener.accept(number);
            } catch (RuntimeException e) {
                log.warn("a card listener failed for {}: {}", number, e.toString());
            }
        }
    }
}
