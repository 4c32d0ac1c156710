package fi.suoja.hardware.door;

/** A keypad code: 4 to 8 digits, the range Zigbee keypad locks take. */
public record DoorCode(String digits) {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;

    public DoorCode {
        if (digits == null || digits.length() < MIN_LENGTH || digits.length() > MAX_LENGTH
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a door code is " + MIN_LENGTH + " to " + MAX_LENGTH + " digits");
        }
    }

    /** Never the digits: codes stay out of logs. */
    @Override
    public String toString() {
        return "DoorCode[" + digits.length() + " digits]";
    }
}
