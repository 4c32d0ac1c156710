package fi.suoja.hardware.mqtt;

/** A device's id: also a topic level, so only small letters, digits and dashes. */
public record DeviceId(String value) {

    public DeviceId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{2,39}")) {
            throw new IllegalArgumentException("a device id has 3 to 40 small letters, digits or dashes: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
