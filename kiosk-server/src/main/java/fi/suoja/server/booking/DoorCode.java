package fi.suoja.server.booking;

import java.security.SecureRandom;

/** A six-digit keypad code, valid only in its booking's window. */
record DoorCode(String value) {

    static final int DIGITS = 6;

    DoorCode {
        if (value == null || !value.matches("[0-9]{" + DIGITS + "}")) {
            throw new IllegalArgumentException("a door code has six digits");
        }
    }

    /** A random code that is not a run like 123456 or 111111, which people try first. */
    static DoorCode random(SecureRandom random) {
        while (true) {
            String code = String.format("%06d", random.nextInt(1_000_000));
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
