package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import java.time.Instant;

/** One entry of the server's audit log as the admin page shows it; all but the first three may be null. */
@ApiSchema("AuditEntryView")
public record AuditEntry(long id, Instant at, String actor, String desk, Action action, Long siteId, TargetKind targetKind,
                         String targetId, String detail) {

    /** What staff or an admin did; the names are the API's ({@code action} filter too). */
    @ApiSchema("AuditAction")
    public enum Action {
        HAND_OUT, RETURN, BOOKING_CANCELLED, BOOKING_ENDED, DEVICE_REGISTERED, DEVICE_FAULTY, DEVICE_REPAIRED,
        DEVICE_RETIRED, WIPE_NOW, DOOR_UNLOCKED, ACCOUNT_CREATED, PASSWORD_RESET, ACCOUNT_SWITCHED_OFF, KIOSK_CREATED,
        KIOSK_TOKEN_RENEWED, KIOSK_SWITCHED_OFF, SITE_CREATED, RULES_CHANGED, RETENTION_CHANGED, ROOM_CREATED,
        ROOM_CHANGED, HOURS_CHANGED, EXCEPTION_DAY_SET, EXCEPTION_DAY_REMOVED,
        /** An action of a newer server than this UI. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** What an entry is about. */
    @ApiSchema("Target.Kind")
    public enum TargetKind {
        BOOKING, DEVICE, ROOM, ACCOUNT, KIOSK, SITE,
        /** A kind of a newer server than this UI. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
