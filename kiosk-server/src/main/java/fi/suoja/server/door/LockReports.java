package fi.suoja.server.door;

import fi.suoja.hardware.Registration;
import fi.suoja.hardware.door.DoorLock;
import fi.suoja.hardware.door.LockId;
import fi.suoja.hardware.door.LockReport;
import fi.suoja.hardware.door.LockState;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last state and battery report of every lock, kept in memory. Every instance hears every
 * lock (Zigbee2MQTT keeps the last state retained, so a restarted server knows it again at once).
 * Made at start so that no report is missed; this also checks the hardware configuration then.
 */
@Context
class LockReports {

    private record Last(LockState state, Instant stateAt, Integer battery, Instant batteryAt) {
    }

    private final Map<LockId, Last> last = new ConcurrentHashMap<>();
    private final Registration registration;

    LockReports(DoorLock locks, HardwareConfig config) {
        this.registration = locks.onReport(this::heard);
    }

    private void heard(LockReport report) {
        last.merge(report.lock(), fresh(report), (old, now) -> new Last(
                now.state() != LockState.UNKNOWN ? now.state() : old.state(),
                now.state() != LockState.UNKNOWN ? now.stateAt() : old.stateAt(),
                now.battery() != null ? now.battery() : old.battery(),
                now.battery() != null ? now.batteryAt() : old.batteryAt()));
    }

    private static Last fresh(LockReport report) {
        boolean hasState = report.state() != LockState.UNKNOWN;
        boolean hasBattery = report.batteryPercent().isPresent();
        return new Last(report.state(), hasState ? report.at() : null,
                hasBattery ? report.batteryPercent().getAsInt() : null, hasBattery ? report.at() : null);
    }

    LockStatus of(long roomId, String lockId, boolean keypad) {
        Last known = last.get(new LockId(lockId));
        if (known == null) {
            return new LockStatus(roomId, lockId, keypad, LockState.UNKNOWN, null, null, null);
        }
        return new LockStatus(roomId, lockId, keypad, known.state(), known.stateAt(), known.battery(), known.batteryAt());
    }

    @PreDestroy
    void stop() {
        registration.remove();
    }
}
