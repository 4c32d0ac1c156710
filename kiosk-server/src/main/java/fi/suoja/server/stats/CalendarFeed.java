package fi.suoja.server.stats;

import fi.suoja.hardware.crypto.Hmac;
import fi.suoja.server.booking.BookingStatus;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.room.RoomTexts;
import fi.suoja.server.secret.ServerSecrets;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A room's bookings as an iCalendar feed for staff calendar apps. Those apps cannot log in, so the
 * feed's address carries a key: an HMAC of the room id under a server secret, which staff get from
 * {@code calendar-link}. A wrong key and an unknown room look the same (404). The feed shows times
 * and states only: no booking code, door code, card or name.
 */
@Singleton
class CalendarFeed {

    static final Duration PAST = Duration.ofDays(14);
    private static final String SECRET = "room-calendar-feed";

    private final RoomService rooms;
    private final SiteService sites;
    private final StatisticsQueries queries;
    private final ServerSecrets secrets;
    private final Clock clock;

    CalendarFeed(RoomService rooms, SiteService sites, StatisticsQueries queries, ServerSecrets secrets, Clock clock) {
        this.rooms = rooms;
        this.sites = sites;
        this.queries = queries;
        this.secrets = secrets;
        this.clock = clock;
    }

    static String path(long roomId, String key, @Nullable String language) {
        return "/api/v1/rooms/" + roomId + "/calendar.ics?key=" + key + (language == null ? "" : "&lang=" + language);
    }

    /** The feed's address for a room that exists, with the room's name in {@code language} in it and in the feed. */
    CalendarLink link(long roomId, @Nullable String language) {
        Room room = rooms.get(roomId);
        return new CalendarLink(room.id(), rooms.texts(room).name(language), path(room.id(), key(room.id()), language));
    }

    /** The feed, if the key is the room's; the room's name and place in {@code language}. */
    String feed(long roomId, @Nullable String key, @Nullable String language) {
        if (!hmac().matchesBase64Url(keyed(roomId), key)) {
            throw noSuchCalendar();
        }
        Room room = rooms.get(roomId);
        RoomTexts texts = rooms.texts(room);
        Site site = sites.get(room.siteId());
        Instant now = clock.instant();
        LocalDate lastDay = now.atZone(site.zone()).toLocalDate().plusDays(sites.rules(site.id()).maxDaysAhead());
        Instant horizon = lastDay.plusDays(1).atStartOfDay(site.zone()).toInstant();

        ICalendar cal = new ICalendar()
                .property("BEGIN", "VCALENDAR")
                .property("VERSION", "2.0")
                .property("PRODID", "-//Suoja//Room bookings//EN")
                .property("CALSCALE", "GREGORIAN")
                .property("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", texts.name(language) + " – " + site.name())
                .property("X-WR-TIMEZONE", site.timeZone())
                .property("REFRESH-INTERVAL;VALUE=DURATION", "PT15M")
                .property("X-PUBLISHED-TTL", "PT15M");
        for (BookingRow b : queries.bookingsOfRoom(room.id(), now.minus(PAST), horizon)) {
            cal.property("BEGIN", "VEVENT")
                    .property("UID", "booking-" + b.id() + "@suoja")
                    .time("DTSTAMP", now)
                    .time("DTSTART", b.startsAt())
                    .time("DTEND", b.endsAt())
                    .text("SUMMARY", texts.name(language) + ": " + state(b))
                    .text("LOCATION", texts.place(language))
                    .property("STATUS", b.status() == BookingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED")
                    .property("TRANSP", b.status().holdsRoom() || b.status() == BookingStatus.COMPLETED ? "OPAQUE" : "TRANSPARENT")
                    .property("END", "VEVENT");
        }
        return cal.property("END", "VCALENDAR").build();
    }

    static String state(BookingRow b) {
        return switch (b.status()) {
            case CONFIRMED -> "Booked";
            case CHECKED_IN -> "Checked in";
            case COMPLETED -> b.endedEarly() ? "Ended early" : "Completed";
            case CANCELLED -> "Cancelled";
            case NO_SHOW -> "No-show";
        };
    }

    String key(long roomId) {
        return hmac().base64Url(keyed(roomId));
    }

    private Hmac hmac() {
        return new Hmac(secrets.key(SECRET));
    }

    private static String keyed(long roomId) {
        return "room:" + roomId;
    }

    private static SuojaException noSuchCalendar() {
        return new SuojaException(ProblemType.NOT_FOUND, "The calendar was not found.");
    }
}
