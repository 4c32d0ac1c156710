package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.time.Instant;

/**
 * A kiosk's call for staff, as the server sent it. A kiosk never learns who is coming:
 * {@code kioskName}, {@code acknowledgedBy} and {@code closedBy} are null there. {@code screen}
 * (a {@code KioskScreen} of the server) and {@code language} are null for calls made before kiosks sent them.
 */
@ApiSchema({"HelpCallView", "KioskHelpCallView"})
public record HelpCall(long id, String kioskName, Status status, String screen, String language, Instant createdAt,
                       Instant acknowledgedAt, String acknowledgedBy,
                       @JsonAlias("resolvedAt") Instant closedAt, @JsonAlias("resolvedBy") String closedBy) {

    /**
     * The server's help call states; a call only moves forward through them. No {@code UNKNOWN}: a
     * call whose state the UI cannot tell is not shown (the event is logged), rather than shown
     * as open or closed by a guess.
     */
    @ApiSchema("HelpCallStatus")
    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED, CANCELLED, EXPIRED;

        /** Waiting for staff, or someone is on the way. */
        public boolean open() {
            return step() < 2;
        }

        /** 0 waiting, 1 someone is coming, 2 closed (by staff, the visitor or the server). */
        private int step() {
            return switch (this) {
                case OPEN -> 0;
                case ACKNOWLEDGED -> 1;
                case RESOLVED, CANCELLED, EXPIRED -> 2;
            };
        }
    }

    public boolean open() {
        return status.open();
    }

    public boolean acknowledged() {
        return status == Status.ACKNOWLEDGED;
    }

    /**
     * The later of this and {@code other}, two views of one call. Changes can overtake each other
     * on their way (a stream's state and a change read at the same moment), but a call only moves
     * forward, so an older view arriving late changes nothing.
     */
    public HelpCall newer(HelpCall other) {
        return other.status.step() >= status.step() ? other : this;
    }
}
