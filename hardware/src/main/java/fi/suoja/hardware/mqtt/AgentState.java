package fi.suoja.hardware.mqtt;

/** What the agent itself says it is doing; the server's device lifecycle is kept apart from this. */
public enum AgentState {
    /** Clean and waiting: no guest session, dirty flag clear. */
    IDLE,
    /** A guest is using the device. */
    IN_SESSION,
    /** Wiping the guest areas. */
    WIPING,
    /** A guest session has ended or was interrupted and no verified wipe has followed yet. */
    DIRTY,
    /** Locked by command: no guest can log in. */
    LOCKED
}
