package fi.suoja.server.audit;

/** What staff or an admin did. The names are part of the API (the {@code action} filter, the desk's words). */
public enum AuditAction {
    HAND_OUT,
    RETURN,
    BOOKING_CANCELLED,
    BOOKING_ENDED,
    DEVICE_REGISTERED,
    DEVICE_FAULTY,
    DEVICE_REPAIRED,
    DEVICE_RETIRED,
    WIPE_NOW,
    DOOR_UNLOCKED,
    ACCOUNT_CREATED,
    PASSWORD_RESET,
    ACCOUNT_SWITCHED_OFF,
    KIOSK_CREATED,
    KIOSK_TOKEN_RENEWED,
    KIOSK_SWITCHED_OFF,
    SITE_CREATED,
    RULES_CHANGED,
    RETENTION_CHANGED,
    ROOM_CREATED,
    ROOM_CHANGED,
    HOURS_CHANGED,
    EXCEPTION_DAY_SET,
    EXCEPTION_DAY_REMOVED
}
