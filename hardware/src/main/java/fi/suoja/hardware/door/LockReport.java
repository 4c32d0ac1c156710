package fi.suoja.hardware.door;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a lock told about itself. A lock reports state and battery separately, so either may be
 * missing: the state is then {@link LockState#UNKNOWN}, the battery empty.
 *
 * @param batteryPercent 0 to 100
 */
public record LockReport(LockId lock, LockState state, OptionalInt batteryPercent, Instant at) {

    public LockReport {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(batteryPercent, "batteryPercent");
        Objects.requireNonNull(at, "at");
        if (batteryPercent.isPresent() && (batteryPercent.getAsInt() < 0 || batteryPercent.getAsInt() > 100)) {
            throw new IllegalArgumentException("a battery level is 0 to 100 %, not " + batteryPercent.getAsInt());
        }
    }
}
