package fi.suoja.server.door;

/** How driving a lock or a sign failed, as a staff alert names it; the hardware's own words stay in the alert's detail. */
enum DoorFailure {
    /** The lock answered that it would not do it. */
    LOCK_REFUSED,
    /** The lock did not answer in time. */
    LOCK_NO_ANSWER,
    /** The sign could not be reached. */
    SIGN_NOT_REACHED,
    /** Every code slot of the lock holds a live code. */
    NO_FREE_SLOT,
    /** The adapter itself failed (a bug or a broken connection). */
    ADAPTER_FAILED
}
