package fi.suoja.server.stats;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * {@link Statistics} as one CSV table in long form, which a spreadsheet opens as it is and pivots
 * as staff like: UTF-8 with a byte order mark (so Excel reads ä and å right), CRLF line ends and
 * RFC 4180 quoting. Columns:
 *
 * <pre>
 * section,room_id,room,date,hour,measure,value
 * range,,,,,from,2026-11-24                      (also: to, time_zone, site_id)
 * bookings,,,,,total,6                           (also: checked_in, no_shows, no_show_rate_percent, cancelled, ended_early)
 * room_day,12,Room A,2026-11-24,,open_minutes,720 (also: booked_minutes, occupancy_percent)
 * room_hour,12,Room A,,9,booked_minutes,45       (also: open_minutes, occupancy_percent)
 * loans,,,,,LAPTOP,2                             (one row per device kind)
 * wipes,,,,,ok,2                                 (also: failed, p50_millis, max_millis, staff_checks)
 * languages,,,,,fi,3                             (bookings per kiosk language)
 * </pre>
 *
 * An empty value is a percentage or duration that does not exist (nothing open, no wipe). Numbers
 * are written as in the JSON answer (a point for decimals). A room name that a spreadsheet would
 * take for a formula gets a leading apostrophe.
 */
final class StatisticsCsv {

    static final String HEADER = "section,room_id,room,date,hour,measure,value";
    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private final StringBuilder out = new StringBuilder(BOM).append(HEADER).append(CRLF);

    static String of(Statistics s) {
        StatisticsCsv csv = new StatisticsCsv();
        csv.site("from", s.from());
        csv.site("to", s.to());
        csv.site("time_zone", s.timeZone());
        csv.site("site_id", s.siteId());
        Statistics.Bookings b = s.bookings();
        csv.total("bookings", "total", b.total());
        csv.total("bookings", "checked_in", b.checkedIn());
        csv.total("bookings", "no_shows", b.noShows());
        csv.total("bookings", "no_show_rate_percent", b.noShowRatePercent());
        csv.total("bookings", "cancelled", b.cancelled());
        csv.total("bookings", "ended_early", b.endedEarly());
        for (Statistics.RoomDay d : s.days()) {
            csv.row("room_day", d.roomId(), d.room(), d.date(), null, "open_minutes", d.openMinutes());
            csv.row("room_day", d.roomId(), d.room(), d.date(), null, "booked_minutes", d.bookedMinutes());
            csv.row("room_day", d.roomId(), d.room(), d.date(), null, "occupancy_percent", d.occupancyPercent());
        }
        for (Statistics.RoomHour h : s.hours()) {
            csv.row("room_hour", h.roomId(), h.room(), null, h.hour(), "open_minutes", h.openMinutes());
            csv.row("room_hour", h.roomId(), h.room(), null, h.hour(), "booked_minutes", h.bookedMinutes());
            csv.row("room_hour", h.roomId(), h.room(), null, h.hour(), "occupancy_percent", h.occupancyPercent());
        }
        for (Statistics.Loans l : s.loans()) {
            csv.total("loans", l.kind(), l.count());
        }
        Statistics.Wipes w = s.wipes();
        csv.total("wipes", "ok", w.ok());
        csv.total("wipes", "failed", w.failed());
        csv.total("wipes", "p50_millis", w.p50Millis());
        csv.total("wipes", "max_millis", w.maxMillis());
        csv.total("wipes", "staff_checks", w.staffChecks());
        for (Statistics.Language l : s.languages()) {
            csv.total("languages", l.language(), l.bookings());
        }
        return csv.out.toString();
    }

    private void site(String measure, Object value) {
        total("range", measure, value);
    }

    private void total(String section, String measure, @Nullable Object value) {
        row(section, null, null, null, null, measure, value);
    }

    private void row(String section, @Nullable Long roomId, @Nullable String room, @Nullable Object date,
                     @Nullable Integer hour, String measure, @Nullable Object value) {
        List<String> cells = java.util.Arrays.asList(section, text(roomId), room == null ? "" : defused(room), text(date),
                text(hour), measure, text(value));
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append(CRLF);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
