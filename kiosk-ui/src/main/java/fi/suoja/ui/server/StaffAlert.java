package fi.suoja.ui.server;

import java.time.Instant;

/** An open alert about a door or a sign, in the server's words; {@code roomName} is null when it is about no room. */
@ApiSchema("AlertView")
public record StaffAlert(long id, String roomName, String message, Instant raisedAt) {
}
