package fi.suoja.server.device;

/** Why a loan ended. */
enum LoanEnd {
    /** Staff scanned the device back. */
    RETURNED,
    /** The booking ended: completed at its end, ended early, cancelled or released. */
    BOOKING_ENDED,
    /** A walk-in loan reached its due time. */
    DUE,
    /** The device was marked faulty or retired during the loan. */
    TAKEN_OUT_OF_USE
}
