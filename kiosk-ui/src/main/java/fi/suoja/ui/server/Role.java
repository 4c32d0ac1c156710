package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a caller of the server is; admins are staff too. */
@ApiSchema("Role")
public enum Role {
    STAFF, ADMIN, KIOSK,
    /** A role of a newer server than this UI: treated as no more than staff. */
    @JsonEnumDefaultValue
    UNKNOWN
}
