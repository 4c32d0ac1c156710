package fi.suoja.hardware.door;

import java.util.Arrays;
import java.util.Optional;

/** The words of Zigbee2MQTT's lock protocol, as they appear in its JSON. */
enum Z2mCode {
    /** {@code state} to send and to read. */
    LOCK("LOCK"),
    UNLOCK("UNLOCK"),
    /** {@code lock_state} values. */
    LOCKED("locked"),
    UNLOCKED("unlocked"),
    NOT_FULLY_LOCKED("not_fully_locked"),
    /** {@code users.<slot>.status} values: a slot with a code, an empty slot, a slot switched off. */
    USER_ENABLED("enabled"),
    USER_AVAILABLE("available"),
    USER_DISABLED("disabled"),
    /** {@code action} of a programming event, with the slot in {@code action_user}. */
    PIN_CODE_ADDED("pin_code_added"),
    PIN_CODE_DELETED("pin_code_deleted"),
    /**
     * {@code action} of an operation event: ZCL locks say {@code "unlock"} with {@code action_source_name}
     * {@code "keypad"} and the slot in {@code action_user}; some vendors' converters say {@code "keypad_unlock"}.
     */
    ACTION_UNLOCK("unlock"),
    KEYPAD_UNLOCK("keypad_unlock"),
    /** {@code action_source_name} of an operation done on the lock's own keypad. */
    KEYPAD("keypad"),
    /** {@code pin_code.user_type} for an everyday code. */
    UNRESTRICTED("unrestricted");

    private final String wire;

    Z2mCode(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    boolean is(String value) {
        return wire.equals(value);
    }

    static Optional<Z2mCode> of(String value) {
        return Arrays.stream(values()).filter(code -> code.wire.equals(value)).findFirst();
    }
}
