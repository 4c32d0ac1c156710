package fi.suoja.server.throttle;

import io.micronaut.core.annotation.Nullable;

/**
 * What attempts are counted together: one kiosk, one staff account, or one source address (for
 * logins of names that are no account, so unknown names do not each get a counter of their own).
 *
 * @param siteId the library staff are told about it in; null for logins, which belong to no library
 * @param label  a name staff recognise (the kiosk's id, the user name, the address)
 */
public record Scope(Kind kind, String key, @Nullable Long siteId, String label) {

    public enum Kind { KIOSK, ACCOUNT, ADDRESS }

    static final int KEY_MAX = 120;

    public Scope {
        if (key.length() > KEY_MAX) {
            throw new IllegalArgumentException("a throttle key has at most " + KEY_MAX + " characters");
        }
    }

    public static Scope kiosk(long kioskId, long siteId) {
        return new Scope(Kind.KIOSK, "kiosk:" + kioskId, siteId, "kiosk " + kioskId);
    }

    public static Scope account(String username) {
        return new Scope(Kind.ACCOUNT, "account:" + username, null, username);
    }

    public static Scope address(String address) {
        String shown = address.length() > KEY_MAX - 8 ? address.substring(0, KEY_MAX - 8) : address;
        return new Scope(Kind.ADDRESS, "address:" + shown, null, shown);
    }
}
