package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;

import java.util.function.Consumer;

/**
 * A library card reader. Each card read whole and valid reaches the listeners once; input that
 * is not a card number is dropped (a keyboard-style reader's field shows the reason itself).
 */
public interface CardReader {

    Registration onCard(Consumer<CardNumber> listener);
}
