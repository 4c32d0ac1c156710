package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a device is wiped: by its agent, or by staff checking a device that has none. */
@ApiSchema("WipeMethod")
public enum WipeMethod {
    AGENT, STAFF_CHECK,
    /** A method of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
