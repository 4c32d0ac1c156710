package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a loan ended: scanned back, with its booking, at its due time, or with the device taken out of use. */
@ApiSchema("LoanEnd")
public enum LoanEnd {
    RETURNED, BOOKING_ENDED, DUE, TAKEN_OUT_OF_USE,
    /** A reason of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
