package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What staff can do with a device now, as the server lists it per device from its state; each is
 * named as its endpoint under {@code /api/v1/devices} ({@link StaffClient} has a method of the same name).
 */
@ApiSchema("StaffAction")
public enum StaffAction {
    HAND_OUT, RETURN, WIPE, FAULTY, REPAIRED, HEAR_AGAIN, RETIRE,
    /** An action of a newer server than this UI: no button, the desk cannot do it. */
    @JsonEnumDefaultValue
    UNKNOWN
}
