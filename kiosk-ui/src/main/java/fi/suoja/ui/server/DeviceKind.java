package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a loan device is. */
@ApiSchema("DeviceKind")
public enum DeviceKind {
    LAPTOP, WEBCAM, HEADSET,
    /** A kind of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
