package fi.suoja.hardware.door;

/**
 * Which lock. For a Zigbee2MQTT lock it is the lock's friendly name in Zigbee2MQTT, such as
 * {@code room-2-door}; MQTT wildcards are not allowed in it.
 */
public record LockId(String value) {

    public LockId {
        if (value == null || value.isBlank() || value.length() > 100 || value.contains("+") || value.contains("#")
                || value.startsWith("/") || value.endsWith("/") || value.endsWith("/set") || value.endsWith("/get")) {
            throw new IllegalArgumentException("a lock id is 1 to 100 characters without MQTT wildcards or edge slashes: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
