package fi.suoja.hardware.sign;

/** Which sign: the last topic level of its MQTT topic, such as {@code room-2-sign}. */
public record SignId(String value) {

    public SignId {
        if (value == null || value.isBlank() || value.length() > 100 || value.contains("+") || value.contains("#")
                || value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalArgumentException("a sign id is 1 to 100 characters without MQTT wildcards or edge slashes: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
