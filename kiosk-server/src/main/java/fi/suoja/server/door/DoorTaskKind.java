package fi.suoja.server.door;

/** What a door task does to the hardware of a booking's room. */
enum DoorTaskKind {
    SET_CODE, REVOKE_CODE, UNLOCK, SIGN_BUSY, SIGN_ENDING_SOON, SIGN_FREE;

    /**
     * Order among tasks due at the same instant: what ends a booking before what starts the next,
     * so a room booked back to back shows BUSY, and a slot is emptied before it is filled again.
     */
    int order() {
        return switch (this) {
            case REVOKE_CODE, SIGN_FREE -> 0;
            case SET_CODE, SIGN_BUSY -> 1;
            case SIGN_ENDING_SOON, UNLOCK -> 2;
        };
    }

    /** Whether the task ends something and must run whatever happened to its booking. */
    boolean closing() {
        return switch (this) {
            case REVOKE_CODE, SIGN_FREE -> true;
            case SET_CODE, UNLOCK, SIGN_BUSY, SIGN_ENDING_SOON -> false;
        };
    }
}
