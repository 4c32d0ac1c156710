package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A kind of refusal that kept a wipe from being verified (the MQTT contract's codes), which staff read in their language. */
@ApiSchema("WipeFailure")
public enum WipeFailure {
    ACCESS_DENIED, BUSY, READ_ONLY, NOT_EMPTY, AREA_MISSING, REMAINS, CANNOT_VERIFY, DIFFERS_FROM_TEMPLATE,
    CANNOT_RESTORE_TEMPLATE, OTHER,
    /** A kind of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
