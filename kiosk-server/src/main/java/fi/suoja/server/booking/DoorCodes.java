package fi.suoja.server.booking;

import fi.suoja.hardware.door.DoorCode;

import java.security.SecureRandom;

/**
 * A booking's keypad code: six digits, valid only in its booking's window. The code itself is the
 * hardware's {@link DoorCode}, the one type a lock is given, whose {@code toString} keeps the digits
 * out of logs.
 */
final class DoorCodes {

    static final int DIGITS = 6;

    private DoorCodes() {
    }

    /** A random code that is not a run like 123456 or 111111, which people try first. */
    static DoorCode random(SecureRandom random) {
        while (true) {
            String code = String.format("%0" + DIGITS + "d", random.nextInt(1_000_000));
            if (!isGuessable(code)) {
                return new DoorCode(code);
            }
        }
    }

    static boolean isGuessable(String code) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < code.length(); i++) {
            int step = code.charAt(i) - code.charAt(i - 1);
            same &= step == 0;
            up &= step == 1;
            down &= step == -1;
        }
        return same || up || down;
    }
}
