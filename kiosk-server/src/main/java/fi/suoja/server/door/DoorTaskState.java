package fi.suoja.server.door;

/**
 * A door task: PENDING until it is DONE, FAILED after its last try (staff are alerted), or
 * SKIPPED when its booking made it moot before it ran (a code for a cancelled booking).
 */
enum DoorTaskState {
    PENDING, DONE, FAILED, SKIPPED
}
