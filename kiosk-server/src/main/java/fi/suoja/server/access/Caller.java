package fi.suoja.server.access;

import fi.suoja.server.problem.SuojaException;
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

    /**
     * A kiosk reads only its own library: another library's id is answered like an unknown one.
     * Staff may read every library.
     */
    default void requireSite(long siteId) {
        requireSite(siteId, "The site");
    }

    /** As {@link #requireSite(long)}, for a thing of the site ({@code what}: "The room"). */
    default void requireSite(long siteId, String what) {
        if (this instanceof KioskClient kiosk && kiosk.siteId() != siteId) {
            throw SuojaException.notFound(what);
        }
    }

    default boolean isKiosk() {
        return this instanceof KioskClient;
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
