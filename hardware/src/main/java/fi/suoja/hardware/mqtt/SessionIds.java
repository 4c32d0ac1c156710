package fi.suoja.hardware.mqtt;

import java.util.regex.Pattern;

/**
 * The bounds of an agent's session identity, an epoch plus a counter, as every status and event
 * carries it. The epoch is chosen at random by the agent at its first start and whenever its state
 * is lost (a reimaged laptop, an unreadable counter, a counter at its end); the counter grows by
 * one on every connection attempt within an epoch. Values out of these bounds make a message
 * malformed: the receiver refuses it and says why.
 */
public final class SessionIds {

    /** The largest session counter: an agent that reaches it starts a new epoch at 1. */
    public static final long MAX_SESSION = Integer.MAX_VALUE;
    /** 8 to 32 small letters or digits (the Suoja agent writes 16 hexadecimal digits of a random number). */
    public static final Pattern EPOCH = Pattern.compile("[a-z0-9]{8,32}");

    private SessionIds() {
    }

    /** Checks a counter and an epoch (null: a sender that predates epochs) as a message carries them. */
    static void check(String epoch, long session) {
        if (session < 0 || session > MAX_SESSION) {
            throw new IllegalArgumentException("session counter " + session + " is out of range 0.." + MAX_SESSION);
        }
        if (epoch != null && !EPOCH.matcher(epoch).matches()) {
            throw new IllegalArgumentException("an epoch has 8 to 32 small letters or digits: " + clip(epoch));
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
