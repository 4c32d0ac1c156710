package fi.suoja.server.device;

/** Why the server refused a message from a device's topics; a label of the refusal metric. */
public enum RefusalKind {
    /** Not JSON of the contract, too large, or a value out of its bounds (a session counter, an epoch). */
    MALFORMED,
    /** On one device's topic, naming another device. */
    WRONG_DEVICE,
    /** No signature: an agent that predates signed reports, or not an agent at all. */
    UNSIGNED,
    /** A signature that is not the device key's over the message. */
    BAD_SIGNATURE,
    /** An online status of an earlier connection in the current epoch: restored state, or a cloned configuration. */
    STALE_SESSION,
    /** A new epoch from a message dated far from the server's clock. */
    CLOCK,
    /** A wipe result for a command the server never sent to this device for its open job. */
    NOT_SENT,
    /** A wipe result for a command the agent had not acknowledged. */
    NOT_ACKNOWLEDGED
}
