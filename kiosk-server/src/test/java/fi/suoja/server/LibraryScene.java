package fi.suoja.server;

import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The start most scenario classes share: the server's clock at ten in the morning of {@link #TODAY}
 * in Helsinki, and a new library (a site with its admin, staff and kiosk) made through the API.
 * A subclass adds its rooms in a {@code @BeforeEach} of its own, which JUnit runs after this one.
 */
public abstract class LibraryScene extends ServerScene {

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    protected Api api;
    protected Api.Library library;
    protected String admin;
    protected String staff;
    protected String kiosk;
    protected long siteId;

    @BeforeEach
    protected void openLibrary() {
        clock.set(at(TODAY, "10:00"));
        api = new Api(server);
        library = api.library(rules());
        admin = library.admin();
        staff = library.staff();
        kiosk = library.kiosk();
        siteId = library.siteId();
    }

    /** The booking rules the library is made with: {@link Api#rules} unless a subclass says otherwise. */
    protected Map<String, Object> rules() {
        return Api.rules();
    }

    /** That time of that day in Helsinki. */
    public static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), HELSINKI).toInstant();
    }
}
