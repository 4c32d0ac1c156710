package fi.suoja.server.access;

import io.micronaut.security.authentication.Authentication;

/** Who is calling the API, as the rest of the server needs to know it. */
public sealed interface Caller {

    String KIOSK_ID = "kioskId";
    String SITE_ID = "siteId";
    String ACCOUNT_ID = "accountId";

    record Staff(long accountId, String username, boolean admin) implements Caller {
    }

    record KioskClient(long kioskId, long siteId) implements Caller {
    }

    static Caller of(Authentication authentication) {
        var attributes = authentication.getAttributes();
        if (authentication.getRoles().contains(Role.KIOSK_ROLE)) {
            return new KioskClient(
                    ((Number) attributes.get(KIOSK_ID)).longValue(),
                    ((Number) attributes.get(SITE_ID)).longValue());
        }
        return new Staff(
                ((Number) attributes.get(ACCOUNT_ID)).longValue(),
                authentication.getName(),
                authentication.getRoles().contains(Role.ADMIN_ROLE));
    }
}
