package fi.suoja.hardware.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** The JSON messages of Zigbee2MQTT's lock protocol, as records. */
final class Z2mWire {

    private Z2mWire() {
    }

    /** To {@code <base>/<name>/set}: store a code, or with a null code empty the slot. */
    record SetPinCode(@JsonProperty("pin_code") PinCode pinCode) {
    }

    record PinCode(int user,
                   @JsonProperty("user_type") String userType,
                   @JsonProperty("user_enabled") Boolean userEnabled,
                   @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("pin_code") String pinCode) {

        static PinCode set(CodeSlot slot, DoorCode code) {
            return new PinCode(slot.number(), Z2mCode.UNRESTRICTED.wire(), true, code.digits());
        }

        static PinCode clear(CodeSlot slot) {
            return new PinCode(slot.number(), null, null, null);
        }
    }

    /** To {@code <base>/<name>/set}: {@code {"state":"UNLOCK"}}. */
    record SetState(String state) {
    }

    /**
     * From {@code <base>/<name>}: the device's state; each field only when the lock reported it.
     * {@code last_seen} is there when Zigbee2MQTT's {@code advanced.last_seen} is on: an ISO-8601
     * time or epoch milliseconds.
     */
    record DeviceState(String state,
                       @JsonProperty("lock_state") String lockState,
                       Integer battery,
                       Map<String, User> users,
                       String action,
                       @JsonProperty("action_user") Integer actionUser,
                       @JsonProperty("action_source_name") String actionSourceName,
                       @JsonProperty("last_seen") String lastSeen) {
    }

    /** One slot in {@code users}; the code only when Zigbee2MQTT's {@code expose_pin} option is on. */
    record User(String status, @JsonProperty("pin_code") String pinCode) {
    }

    /** From {@code <base>/bridge/logging}: Zigbee2MQTT's log, where a failed command is told. */
    record LogMessage(String level, String message) {
    }
}
