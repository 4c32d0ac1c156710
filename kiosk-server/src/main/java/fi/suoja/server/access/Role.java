package fi.suoja.server.access;

/** What a caller is. Admins are staff too; kiosks act for citizens, by booking code only. */
public enum Role {
    STAFF, ADMIN, KIOSK;

    /** Role names as used in {@code @Secured}. */
    public static final String STAFF_ROLE = "STAFF";
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String KIOSK_ROLE = "KIOSK";
}
