package fi.suoja.server.device;

import java.util.ArrayList;
import java.util.List;

/**
 * What staff can do with a device now, each named as its endpoint under {@code /api/v1/devices}.
 * The device's view lists the actions its state allows ({@code actions}), so the desk shows buttons
 * from that list and knows no rule of the lifecycle; the endpoints check the same rules here.
 */
public enum StaffAction {
    /** {@code POST /hand-out}: lend the device to a booking or a walk-in. */
    HAND_OUT,
    /** {@code POST /return}: the device is scanned back (a device without an agent is checked then). */
    RETURN,
    /** {@code POST /{id}/wipe}: wipe it now, or send its open wipe again. */
    WIPE,
    /** {@code POST /{id}/faulty}: take it out of use with a reason. */
    FAULTY,
    /** {@code POST /{id}/repaired}: after a failed wipe or a fault, a new wipe makes it READY. */
    REPAIRED,
    /** {@code POST /{id}/hear-again}: the server refused the agent's last word; hear its next one. */
    HEAR_AGAIN,
    /** {@code POST /{id}/retire} (admins): out of the fleet for good. */
    RETIRE;

    /** Whether this action is allowed for a device of {@code kind} in {@code state}; {@code unheard}: see {@link #HEAR_AGAIN}. */
    boolean allows(DeviceState state, DeviceKind kind, boolean unheard) {
        return switch (this) {
            case HAND_OUT -> state.after(DeviceAction.HAND_OUT, kind).isPresent();
            // a device without an agent waits in WIPE_PENDING (or PROVISIONED) for the staff check of its return
            case RETURN -> state == DeviceState.ON_LOAN
                    || (!kind.hasAgent() && (state == DeviceState.WIPE_PENDING || state == DeviceState.PROVISIONED));
            case WIPE -> state == DeviceState.READY || state.waitsForWipe();
            case FAULTY -> state.after(DeviceAction.MARK_FAULTY, kind).isPresent();
            case REPAIRED -> state.after(DeviceAction.REPAIRED, kind).isPresent();
            case HEAR_AGAIN -> kind.hasAgent() && unheard;
            case RETIRE -> state.after(DeviceAction.RETIRE, kind).isPresent();
        };
    }

    /** Every action allowed now, in this enum's order. */
    static List<StaffAction> allowed(DeviceState state, DeviceKind kind, boolean unheard) {
        List<StaffAction> allowed = new ArrayList<>();
        for (StaffAction action : values()) {
            if (action.allows(state, kind, unheard)) {
                allowed.add(action);
            }
        }
        return List.copyOf(allowed);
    }
}
