/**
 * Library card readers: the port {@link fi.suoja.hardware.card.CardReader}, the rules of a card
 * number ({@link fi.suoja.hardware.card.CardFormat}: stray characters dropped, a length range),
 * {@link fi.suoja.hardware.card.KeyboardWedge} for readers that type into the kiosk's field,
 * {@link fi.suoja.hardware.card.SerialCardReader} for readers on a serial line (read as a file,
 * set up with {@code stty}) and {@link fi.suoja.hardware.card.SimulatedCardReader}.
 */
package fi.suoja.hardware.card;
