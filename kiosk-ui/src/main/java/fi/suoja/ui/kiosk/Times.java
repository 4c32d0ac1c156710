package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.Site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as people read them on the kiosk: "14:00–15:00", with the day in front when it is not
 * today. A range is worded per language ({@code time.range}): Arabic says "من 14:00 إلى 15:00"
 * (from … to …), which reads right to left without the bidi algorithm swapping the two times.
 */
final class Times {

    private Times() {
    }

    static String range(KioskView kiosk, Site site, Instant start, Instant end) {
        return range(kiosk, site.zone(), start, end);
    }

    static String range(KioskView kiosk, ZoneId zone, Instant start, Instant end) {
        String times = hours(kiosk, zone, start, end);
        if (today(kiosk, zone, start)) {
            return times;
        }
        return DateTimeFormatter.ofPattern("EEEE d.M.", kiosk.language().locale()).format(start.atZone(zone)) + " " + times;
    }

    /** "14:00–15:00" (in Arabic "من 14:00 إلى 15:00"), without the day. */
    static String hours(KioskView kiosk, ZoneId zone, Instant start, Instant end) {
        return kiosk.t("time.range", clock(zone, start), clock(zone, end));
    }

    static String clock(ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }

    /**
     * A time range kept in reading order inside a sentence or a button (a first-strong isolate):
     * "14:30–15:00" runs left to right inside right-to-left text, where the bidi algorithm would
     * otherwise show "15:00–14:30", and "من 14:30 إلى 15:00" runs right to left.
     */
    static String isolated(String range) {
        return "\u2068" + range + "\u2069";
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
