package fi.suoja.server.device;

import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Applies {@link DeviceState#after} to the database as a conditional update. Call inside a transaction. */
@Singleton
class Lifecycle {

    private final DeviceRepository devices;

    Lifecycle(DeviceRepository devices) {
        this.devices = devices;
    }

    /** Moves the device or throws: wrong state (409 wrong-device-state), or changed meanwhile (409 device-busy). */
    DeviceState move(Device device, DeviceAction action, String reason, Instant now) {
        DeviceState to = device.state().after(action, device.kind())
                .orElseThrow(() -> wrongState(device));
        write(device, to, reason, now);
        return to;
    }

    /** For messages from agents: a move that does not fit is no error, it changes nothing. */
    Optional<DeviceState> tryMove(Device device, DeviceAction action, String reason, Instant now) {
        Optional<DeviceState> to = device.state().after(action, device.kind());
        to.ifPresent(state -> write(device, state, reason, now));
        return to;
    }

    /**
     * Moves devices that were all read in state {@code from} to {@code to}, as one conditional
     * update; throws 409 device-busy if any of them changed meanwhile (the caller's transaction
     * then rolls back with none moved). The move must be one {@link DeviceState#after} allows.
     */
    void moveAll(Collection<String> deviceIds, DeviceState from, DeviceState to, String reason, Instant now) {
        if (to == from || deviceIds.isEmpty()) {
            return;
        }
        if (devices.moveAll(deviceIds, from.name(), to.name(), clip(reason), now) != deviceIds.size()) {
            throw new SuojaException(ProblemType.DEVICE_BUSY, "Some of the devices changed at the same moment. Nothing was done;"
                    + " please try again.");
        }
    }

    private void write(Device device, DeviceState to, String reason, Instant now) {
        if (to == device.state()) {
            return;
        }
        if (devices.move(device.id(), device.state().name(), to.name(), clip(reason), now) != 1) {
            throw new SuojaException(ProblemType.DEVICE_BUSY, "The device changed at the same moment. Please try again.",
                    null, device.state().name(), device.stateReason());
        }
    }

    private static String clip(String reason) {
        return reason.length() > Device.REASON_MAX ? reason.substring(0, Device.REASON_MAX) : reason;
    }

    static SuojaException wrongState(Device device) {
        return new SuojaException(ProblemType.WRONG_DEVICE_STATE,
                "This cannot be done now. " + device.state().whyNotReady(), null, device.state().name(), device.stateReason());
    }
}
