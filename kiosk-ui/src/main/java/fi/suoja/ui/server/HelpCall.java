package fi.suoja.ui.server;

import java.time.Instant;

/** A kiosk's call for staff; {@code acknowledgedBy} is null until someone at the desk answers it. */
public record HelpCall(long id, String kioskName, String status, Instant createdAt, String acknowledgedBy) {

    public boolean acknowledged() {
        return "ACKNOWLEDGED".equals(status);
    }
}
