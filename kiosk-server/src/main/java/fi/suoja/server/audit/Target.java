package fi.suoja.server.audit;

/**
 * What an action was done to: a kind and its id as staff know it (a device's tag, an account's
 * user name, a room's number). Never a booking code: a booking is named by {@code bookingId},
 * which retention erases.
 */
public record Target(Kind kind, String id) {

    public enum Kind { BOOKING, DEVICE, ROOM, ACCOUNT, KIOSK, SITE }

    static final int ID_MAX = 80;

    public Target {
        if (id.length() > ID_MAX) {
            id = id.substring(0, ID_MAX);
        }
    }

    public static Target device(String tag) {
        return new Target(Kind.DEVICE, tag);
    }

    public static Target room(long id) {
        return new Target(Kind.ROOM, Long.toString(id));
    }

    public static Target account(String username) {
        return new Target(Kind.ACCOUNT, username);
    }

    public static Target kiosk(long id) {
        return new Target(Kind.KIOSK, Long.toString(id));
    }

    public static Target site(long id) {
        return new Target(Kind.SITE, Long.toString(id));
    }

    public static Target booking(long id) {
        return new Target(Kind.BOOKING, Long.toString(id));
    }
}
