package fi.suoja.ui.server;

import java.time.Instant;

/**
 * An open staff alert as a code with its parameters, which the desk words: {@code attempts} (tries of
 * a door task, or wrong guesses), {@code failure} (how a lock or a sign failed), {@code subject}
 * (whose guessing: a kiosk's name, a user name, an address). {@code message} is the server's English
 * text, shown only for alerts from before codes ({@link AlertCode#LEGACY}). {@code roomName} is null
 * when it is about no room.
 */
@ApiSchema("AlertView")
public record StaffAlert(long id, String roomName, AlertCode code, Integer attempts, DoorFailure failure, String subject,
                         String message, Instant raisedAt) {
}
