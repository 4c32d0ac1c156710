package fi.suoja.hardware.door;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a lock told about itself. A lock reports state and battery separately, so either may be
 * missing: the state is then {@link LockState#UNKNOWN}, the battery empty. A keypad lock that
 * says which user slot's code was just typed to open it reports that slot in {@code keypadSlot};
 * such a report is only made for a fresh event, never for a state the broker kept.
 *
 * @param batteryPercent 0 to 100
 * @param keypadSlot     the slot whose code opened the door on the lock's keypad, when the lock says so
 */
public record LockReport(LockId lock, LockState state, OptionalInt batteryPercent, Instant at, Optional<CodeSlot> keypadSlot) {

    public LockReport {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(batteryPercent, "batteryPercent");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keypadSlot, "keypadSlot");
        if (batteryPercent.isPresent() && (batteryPercent.getAsInt() < 0 || batteryPercent.getAsInt() > 100)) {
            throw new IllegalArgumentException("a battery level is 0 to 100 %, not " + batteryPercent.getAsInt());
        }
    }

    /** A state or battery report that says nothing of the keypad. */
    public LockReport(LockId lock, LockState state, OptionalInt batteryPercent, Instant at) {
        this(lock, state, batteryPercent, at, Optional.empty());
    }
}
