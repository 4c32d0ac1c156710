package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.Site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as people read them on the kiosk: "14:00–15:00", with the day in front when it is not today. */
final class Times {

    private Times() {
    }

    static String range(KioskView kiosk, Site site, Instant start, Instant end) {
        return range(kiosk, site.zone(), start, end);
    }

    static String range(KioskView kiosk, ZoneId zone, Instant start, Instant end) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        String times = clock.format(start) + "–" + clock.format(end);
        if (today(kiosk, zone, start)) {
            return times;
        }
        return DateTimeFormatter.ofPattern("EEEE d.M.", kiosk.language().locale()).format(start.atZone(zone)) + " " + times;
    }

    static String clock(ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }

    /**
     * A time range kept in reading order inside a sentence or a button in right-to-left text (a
     * left-to-right isolate): the bidi algorithm would otherwise show "14:30–15:00" as "15:00–14:30".
     */
    static String isolated(String range) {
        return "\u2066" + range + "\u2069";
    }

    /** A day on its own, as in "They open on: Tuesday 25.11.": the weekday's standalone form. */
    static String day(KioskView kiosk, ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("cccc d.M.", kiosk.language().locale()).withZone(zone).format(at);
    }

    /** A whole date for paper that is read days later: "Tuesday 24.11.2026". */
    static String date(KioskView kiosk, ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("cccc d.M.yyyy", kiosk.language().locale()).withZone(zone).format(at);
    }

    /** Whether an instant falls on the kiosk's today in the library's zone. */
    static boolean today(KioskView kiosk, ZoneId zone, Instant at) {
        return at.atZone(zone).toLocalDate().equals(kiosk.services().clock().instant().atZone(zone).toLocalDate());
    }
}
