package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a staff alert is about, as the server names it; the desk words it in its language with the alert's parameters. */
@ApiSchema("AlertCode")
public enum AlertCode {
    CODE_NOT_SET, CODE_NOT_REVOKED, DOOR_NOT_OPENED, SIGN_NOT_CHANGED, CANCELLED_CODE_MAY_OPEN,
    CODES_GUESSED, PASSWORDS_GUESSED, NAMES_GUESSED,
    /** Raised before alerts had codes: only the server's English text says what it is about. */
    LEGACY,
    /** A code of a newer server than this UI. */
    @JsonEnumDefaultValue
    UNKNOWN
}
