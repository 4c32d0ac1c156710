package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a device's open wipe job is. */
@ApiSchema("WipeJobState")
public enum WipeJobState {
    QUEUED, SENT, ACKED, SUCCEEDED, FAILED, TIMED_OUT,
    /** A state of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
