package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How driving a lock or a sign failed, as a staff alert names it. */
@ApiSchema("DoorFailure")
public enum DoorFailure {
    LOCK_REFUSED, LOCK_NO_ANSWER, SIGN_NOT_REACHED, NO_FREE_SLOT, ADAPTER_FAILED,
    /** A kind of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
