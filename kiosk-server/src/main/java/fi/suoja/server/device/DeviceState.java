package fi.suoja.server.device;

import java.util.Optional;

/**
 * The device lifecycle of DESIGN.md, enforced here and nowhere else:
 * <pre>
 * PROVISIONED ─► READY ─► ON_LOAN ─► WIPE_PENDING ─► WIPING ─► READY
 *                  ▲                                   │
 *                  └─ (new wipe) ◄─ staff: repaired ◄─ WIPE_FAILED
 * any state ─► FAULTY (staff) ; any state ─► RETIRED (admin)
 * </pre>
 * The invariant: the only ways into READY are a verified wipe reported by the agent for the
 * device's current job, or, for a device without an agent, a staff check on its return. Only a
 * READY device can be handed out. Every change is written as a conditional update from the state
 * read, so concurrent requests or server instances cannot both make it.
 */
public enum DeviceState {
    PROVISIONED, READY, ON_LOAN, WIPE_PENDING, WIPING, WIPE_FAILED, FAULTY, RETIRED;

    /** The state after {@code action}, or empty when the action is not allowed in this state. */
    Optional<DeviceState> after(DeviceAction action, DeviceKind kind) {
        boolean agent = kind.hasAgent();
        DeviceState next = switch (this) {
            case PROVISIONED -> switch (action) {
                case WIPE_SENT -> agent ? PROVISIONED : null;
                case WIPE_VERIFIED -> agent ? READY : null;
                case WIPE_UNVERIFIED -> WIPE_FAILED;
                case STAFF_CHECKED -> agent ? null : READY;
                case MARK_FAULTY -> FAULTY;
                case RETIRE -> RETIRED;
                case HAND_OUT, LOAN_ENDED, WIPE_REQUESTED, REPAIRED -> null;
            };
            case READY -> switch (action) {
                case HAND_OUT -> ON_LOAN;
                case WIPE_REQUESTED -> WIPE_PENDING;
                case MARK_FAULTY -> FAULTY;
                case RETIRE -> RETIRED;
                case LOAN_ENDED, WIPE_SENT, WIPE_VERIFIED, WIPE_UNVERIFIED, STAFF_CHECKED, REPAIRED -> null;
            };
            case ON_LOAN -> switch (action) {
                case LOAN_ENDED -> WIPE_PENDING;
                case MARK_FAULTY -> FAULTY;
                case RETIRE -> RETIRED;
                case HAND_OUT, WIPE_REQUESTED, WIPE_SENT, WIPE_VERIFIED, WIPE_UNVERIFIED, STAFF_CHECKED, REPAIRED -> null;
            };
            case WIPE_PENDING -> switch (action) {
                case WIPE_SENT -> agent ? WIPING : null;
                case WIPE_VERIFIED -> agent ? READY : null;
                case WIPE_UNVERIFIED -> WIPE_FAILED;
                case STAFF_CHECKED -> agent ? null : READY;
                case MARK_FAULTY -> FAULTY;
                case RETIRE -> RETIRED;
                case HAND_OUT, LOAN_ENDED, WIPE_REQUESTED, REPAIRED -> null;
            };
            case WIPING -> switch (action) {
                case WIPE_SENT -> WIPING;
                case WIPE_VERIFIED -> agent ? READY : null;
                case WIPE_UNVERIFIED -> WIPE_FAILED;
                case MARK_FAULTY -> FAULTY;
                case RETIRE -> RETIRED;
                case HAND_OUT, LOAN_ENDED, WIPE_REQUESTED, STAFF_CHECKED, REPAIRED -> null;
            };
            case WIPE_FAILED -> switch (action) {
                case REPAIRED -> WIPE_PENDING;
                case MARK_FAULTY -> FAULTY;
                case RETIRE -> RETIRED;
                case HAND_OUT, LOAN_ENDED, WIPE_REQUESTED, WIPE_SENT, WIPE_VERIFIED, WIPE_UNVERIFIED, STAFF_CHECKED -> null;
            };
            case FAULTY -> switch (action) {
                case REPAIRED -> WIPE_PENDING;
                case RETIRE -> RETIRED;
                case HAND_OUT, LOAN_ENDED, WIPE_REQUESTED, WIPE_SENT, WIPE_VERIFIED, WIPE_UNVERIFIED, STAFF_CHECKED,
                     MARK_FAULTY -> null;
            };
            case RETIRED -> switch (action) {
                case HAND_OUT, LOAN_ENDED, WIPE_REQUESTED, WIPE_SENT, WIPE_VERIFIED, WIPE_UNVERIFIED, STAFF_CHECKED,
                     REPAIRED, MARK_FAULTY, RETIRE -> null;
            };
        };
        return Optional.ofNullable(next);
    }

    /** Whether a wipe job of this device may be open in this state. */
    boolean waitsForWipe() {
        return switch (this) {
            case PROVISIONED, WIPE_PENDING, WIPING -> true;
            case READY, ON_LOAN, WIPE_FAILED, FAULTY, RETIRED -> false;
        };
    }

    /** A plain sentence for staff on why a device in this state cannot be handed out. */
    String whyNotReady() {
        return switch (this) {
            case PROVISIONED -> "The device is new and has not been wiped yet.";
            case READY -> "The device is ready.";
            case ON_LOAN -> "The device is on loan.";
            case WIPE_PENDING -> "The device is waiting to be wiped.";
            case WIPING -> "The device is being wiped.";
            case WIPE_FAILED -> "The last wipe failed. Check the device and mark it repaired.";
            case FAULTY -> "The device is marked faulty.";
            case RETIRED -> "The device is retired.";
        };
    }
}
