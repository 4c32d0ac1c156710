package fi.suoja.hardware.sign;

/** What the light by the door says. */
public enum SignState {
    /** Nobody has the room now. */
    FREE,
    /** A booking is on. */
    BUSY,
    /** A booking is on and ends in a few minutes. */
    ENDING_SOON
}
