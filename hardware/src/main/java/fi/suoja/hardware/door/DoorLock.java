package fi.suoja.hardware.door;

import fi.suoja.hardware.Registration;

import java.util.function.Consumer;

/**
 * The door locks of the rooms. Commands wait for the lock's confirmation, up to the adapter's
 * timeout and retries, and answer with a {@link LockResult}; they never throw for a lock problem.
 *
 * <p>Time windows: whether a lock itself honours {@link CodeGrant#validFrom()} and
 * {@link CodeGrant#validUntil()} depends on the lock. Zigbee keypad locks do not: the code works
 * from when it is set until it is revoked. The caller therefore sets a code when its window
 * opens and revokes it when the window closes (or the booking is cancelled or ends early),
 * whatever the adapter.
 */
public interface DoorLock {

    /** Stores the code in the slot, replacing what the slot held. */
    LockResult setCode(CodeGrant grant);

    /** Empties the slot; revoking an empty slot is done, not refused. */
    LockResult revokeCode(LockId lock, CodeSlot slot);

    /** Opens the door now, as on check-in or for staff. The lock locks again by itself. */
    LockResult unlock(LockId lock);

    /**
     * Tells the listener each report of any lock, until removed: its bolt state, its battery, and,
     * where the lock says so, which code slot's code was just used on its keypad to open the door.
     */
    Registration onReport(Consumer<LockReport> listener);
}
