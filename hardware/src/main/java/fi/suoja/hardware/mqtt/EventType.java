package fi.suoja.hardware.mqtt;

/**
 * What an agent reports. ACK means received and accepted, never done; only RESULT moves a job on.
 */
public enum EventType {
    /** Sent after every connect: "tell me what is still open for me". */
    HELLO,
    /** A command was received, verified and will be acted on (or was already done: see {@code duplicate}). */
    ACK,
    /** A long job is under way. */
    PROGRESS,
    /** A command is finished; for WIPE it carries the {@link WipeReport}. */
    RESULT,
    /** A command was refused: unsigned, forged, expired, replayed, for another device, or malformed. */
    REJECTED
}
