package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What an entry of a device's history is: a loan, a wipe, or what staff did to the device. */
@ApiSchema("HistoryKind")
public enum HistoryKind {
    LOAN, WIPE, FAULTY, REPAIRED, RETIRED,
    /** A kind of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
