package fi.suoja.hardware.door;

/**
 * A user slot of a keypad lock, where one code lives (Zigbee's "user" number). Locks have 10 to
 * 250 of them; which slot a booking uses is the caller's choice, so two bookings never share one.
 */
public record CodeSlot(int number) {

    /** The highest slot number any lock has. */
    public static final int HIGHEST = 249;

    public CodeSlot {
        if (number < 0 || number > HIGHEST) {
            throw new IllegalArgumentException("a code slot is 0 to " + HIGHEST + ", not " + number);
        }
    }
}
