package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.Site;

import java.time.Instant;
import java.time.LocalDate;
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
        LocalDate day = start.atZone(zone).toLocalDate();
        if (day.equals(kiosk.services().clock().instant().atZone(zone).toLocalDate())) {
            return times;
        }
        return DateTimeFormatter.ofPattern("EEEE d.M.", kiosk.language().locale()).format(day) + " " + times;
    }

    static String clock(ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }
}
