package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why the server refused the last message from a device's agent, as the desk words it. */
@ApiSchema("RefusalKind")
public enum RefusalKind {
    MALFORMED, WRONG_DEVICE, UNSIGNED, BAD_SIGNATURE, STALE_SESSION, CLOCK, NOT_SENT, NOT_ACKNOWLEDGED,
    /** A kind of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
