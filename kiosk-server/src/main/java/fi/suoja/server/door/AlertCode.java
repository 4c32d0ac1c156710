package fi.suoja.server.door;

/**
 * What a staff alert is about, as a code the desk words in its own language; its parameters
 * (tries, the kind of failure, whose guessing) travel beside it in {@link AlertView}.
 */
enum AlertCode {
    /** The lock did not take a booking's door code: let the person in from the desk. */
    CODE_NOT_SET,
    /** The lock did not delete the code of a booking that has ended: it may still open the door. */
    CODE_NOT_REVOKED,
    /** A door without a keypad did not open on check-in: let the person in from the desk. */
    DOOR_NOT_OPENED,
    /** The room sign could not be changed: it may show the wrong state. */
    SIGN_NOT_CHANGED,
    /** A cancelled booking's code, set while it was cancelled, could not be taken out again. */
    CANCELLED_CODE_MAY_OPEN,
    /** Many wrong booking codes at a kiosk ({@code subject}: the kiosk's name). */
    CODES_GUESSED,
    /** Many wrong passwords for an account ({@code subject}: the user name). */
    PASSWORDS_GUESSED,
    /** Many logins with unknown user names from one address ({@code subject}: the address). */
    NAMES_GUESSED,
    /** Raised before alerts had codes: only its English text ({@code message}) says what it is about. */
    LEGACY
}
