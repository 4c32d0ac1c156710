package fi.suoja.server.device;

/** Everything that can move a device from one state to another (see {@link DeviceState#after}). */
enum DeviceAction {
    /** Staff scan the device out to a booking or a walk-in. */
    HAND_OUT,
    /** The loan ended: returned, the booking ended or was cancelled, or a walk-in became due. */
    LOAN_ENDED,
    /** Staff ask a READY device to be wiped again. */
    WIPE_REQUESTED,
    /** The WIPE command of the open job went out to the agent. */
    WIPE_SENT,
    /** The agent reported a verified wipe for the device's current job. */
    WIPE_VERIFIED,
    /** The agent reported an unverified wipe, or no result came within the attempts allowed. */
    WIPE_UNVERIFIED,
    /** Staff checked a device without an agent on its return. */
    STAFF_CHECKED,
    /** Staff repaired a failed or faulty device: it must be wiped before it is READY. */
    REPAIRED,
    MARK_FAULTY,
    RETIRE
}
