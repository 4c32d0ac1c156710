package fi.suoja.server.door;

import fi.suoja.hardware.door.LockState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What a room's lock last told about itself: bolt state and battery, each with when it was
 * reported (locks report them separately). Null fields: nothing heard since the server started.
 */
@Serdeable
record LockStatus(long roomId, String lockId, boolean keypad, LockState state, @Nullable Instant stateAt,
                  @Nullable Integer batteryPercent, @Nullable Instant batteryAt) {
}
