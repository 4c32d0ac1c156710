package fi.suoja.hardware.door;

import java.time.Instant;
import java.util.Objects;

/**
 * A code that opens a lock from one instant until another: the door part of a booking.
 *
 * @param reference the booking it belongs to, for logs and the simulator; never printed on the lock
 */
public record CodeGrant(LockId lock, CodeSlot slot, String reference, DoorCode code, Instant validFrom, Instant validUntil) {

    public CodeGrant {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("a code's window ends after it starts: " + validFrom + " to " + validUntil);
        }
    }

    /** Whether the window holds the instant: from inclusive, until exclusive. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }
}
