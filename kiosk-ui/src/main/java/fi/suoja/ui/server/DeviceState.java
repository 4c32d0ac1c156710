package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A device's state as the server names it; the server alone knows what each allows (see {@link Device#actions()}). */
@ApiSchema("DeviceState")
public enum DeviceState {
    PROVISIONED, READY, ON_LOAN, WIPE_PENDING, WIPING, WIPE_FAILED, FAULTY, RETIRED,
    /** A state of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
