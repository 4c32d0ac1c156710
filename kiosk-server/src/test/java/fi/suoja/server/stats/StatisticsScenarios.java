package fi.suoja.server.stats;

import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.ServerDatabase;
import fi.suoja.server.ServerScene;
import fi.suoja.server.TestBroker;
import fi.suoja.server.booking.BookingJobs;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One library day made through the real API, the booking jobs and laptops that answer wipes over
 * the real broker, then its statistics, CSV and calendar feed checked to the minute. Run on H2 by
 * {@link StatisticsOnH2Test} and on PostgreSQL by {@link StatisticsOnPostgresTest}.
 *
 * <p>The day, Tuesday 24 November 2026 in Helsinki, both rooms open 08–20:
 * <pre>
 * Room A  09:00–10:00 fi  checked in, completed at its end       60 min held, laptop 1 (wipe ok, 2000 ms)
 *         10:30–11:30 sv  nobody came, released at 10:45          15 min held
 *         12:00–13:00 en  cancelled at 07:40                       0 min held
 *         14:00–16:00 fi  checked in, ended early at 15:02        62 min held, laptop 2 (wipe NOT verified, 5000 ms)
 *         18:00–19:00 ar  still to come                           60 min held
 * Room B  16:00–17:00 (no language) checked in, completed         60 min held, webcam (staff check on return)
 * Room B is closed on Wednesday the 25th (an exception day).
 * </pre>
 * The laptops' first wipes on registration took 1000 and 3000 ms; the webcam was checked by staff
 * when it arrived and again when it came back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatisticsScenarios extends ServerScene implements TestPropertyProvider, ServerDatabase {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String ROOM_B_NAME = "Room \"B\", quiet";
    static final String ROOM_B_PLACE = "Katutaso; lehtien vieressä, käytävän päässä \\ ovi 3 — a long place name that needs folding in a calendar";

    final String topicRoot = TestBroker.newTopicRoot();

    @Inject
    BookingJobs bookingJobs;

    Api api;
    Api.Library library;
    String staff;
    String admin;
    long roomA;
    long roomB;
    final List<String> bookingCodes = new ArrayList<>();
    final List<String> doorCodes = new ArrayList<>();
    final List<TestLaptop> laptops = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(TestBroker.serverProperties(topicRoot));
        return properties;
    }

    static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), HELSINKI).toInstant();
    }

    static Instant at(String time) {
        return at(DAY, time);
    }

    @BeforeAll
    void theDay() {
        clock.set(at("07:30"));
        api = new Api(server);
        library = api.library(Api.rules());
        admin = library.admin();
        staff = library.staff();
        roomA = api.createRoom(admin, library.siteId(), "Room A", "08:00", "20:00");
        roomB = expect(201, api.post("/api/v1/sites/" + library.siteId() + "/rooms", admin, Map.of(
                "name", ROOM_B_NAME, "place", ROOM_B_PLACE, "capacity", 1, "stepFree", true))).number("id");
        expect(200, api.put("/api/v1/rooms/" + roomB + "/hours", admin, java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "20:00")).toList()));
        expect(200, api.put("/api/v1/rooms/" + roomB + "/exceptions/" + DAY.plusDays(1), admin,
                Map.of("closed", true, "note", "Staff training")));

        TestLaptop laptop1 = laptop("LAP-1-" + library.unique()).next(true, 1000).next(true, 2000).start();
        awaitState(laptop1.id.value(), "READY");
        TestLaptop laptop2 = laptop("LAP-2-" + library.unique()).next(true, 3000).next(false, 5000).start();
        awaitState(laptop2.id.value(), "READY");
        String webcam = "CAM-" + library.unique();
        String webcamId = expect(201, api.post("/api/v1/devices", admin,
                Map.of("tag", webcam, "kind", "WEBCAM", "siteId", library.siteId()))).map().get("device") instanceof Map<?, ?> d
                ? (String) d.get("id") : null;
        // a new webcam is READY after its first staff check, scanned in as on return
        expect(200, api.post("/api/v1/devices/return", staff, Map.of("tag", webcam)));
        awaitState(webcamId, "READY");

        String first = book(roomA, "09:00", 60, "fi");
        String noShow = book(roomA, "10:30", 60, "sv");
        String cancelled = book(roomA, "12:00", 60, "en");
        String early = book(roomA, "14:00", 120, "fi");
        String evening = book(roomA, "18:00", 60, "ar");
        String roomBBooking = book(roomB, "16:00", 60, null);

        clock.set(at("07:40"));
        expect(200, api.post("/api/v1/bookings/" + cancelled + "/cancel", staff, Map.of("reason", "Plans changed")));

        clock.set(at("09:00"));
        expect(200, api.post("/api/v1/bookings/" + first + "/check-in", library.kiosk(), null));
        expect(200, api.post("/api/v1/devices/hand-out", staff, Map.of("tag", "LAP-1-" + library.unique(), "bookingCode", first)));
        clock.set(at("10:00"));
        assertThat(bookingJobs.completeEnded()).isEqualTo(1);
        awaitState(laptop1.id.value(), "READY");

        clock.set(at("10:45"));
        assertThat(bookingJobs.releaseNoShows()).isEqualTo(1);

        clock.set(at("14:00"));
        expect(200, api.post("/api/v1/bookings/" + early + "/check-in", library.kiosk(), null));
        expect(200, api.post("/api/v1/devices/hand-out", staff, Map.of("tag", "LAP-2-" + library.unique(), "bookingCode", early)));
        clock.set(at("15:02"));
        expect(200, api.post("/api/v1/bookings/" + early + "/end", library.kiosk(), null));
        awaitState(laptop2.id.value(), "WIPE_FAILED");

        clock.set(at("16:00"));
        expect(200, api.post("/api/v1/bookings/" + roomBBooking + "/check-in", library.kiosk(), null));
        expect(200, api.post("/api/v1/devices/hand-out", staff, Map.of("tag", webcam, "bookingCode", roomBBooking)));
        clock.set(at("16:30"));
        expect(200, api.post("/api/v1/devices/return", staff, Map.of("tag", webcam)));
        clock.set(at("17:00"));
        assertThat(bookingJobs.completeEnded()).isEqualTo(1);

        clock.set(at("17:30"));
        // staff sessions last 10 hours: log in again, as the evening shift would
        staff = api.login("staff-" + library.unique(), "staff-password-123");
        admin = api.loginAdmin();
        bookingCodes.addAll(List.of(first, noShow, cancelled, early, evening, roomBBooking));
    }

    @AfterAll
    void stopLaptops() {
        laptops.forEach(TestLaptop::close);
    }

    // ---- the numbers ----

    @Test
    void the_days_bookings_are_counted_by_what_became_of_them() {
        Map<String, Object> bookings = map(statistics(DAY, DAY).get("bookings"));
        assertThat(bookings).containsEntry("total", 6).containsEntry("checkedIn", 3).containsEntry("noShows", 1)
                .containsEntry("cancelled", 1).containsEntry("endedEarly", 1);
        // one no-show of the five bookings that were not cancelled
        assertThat(((Number) bookings.get("noShowRatePercent")).doubleValue()).isEqualTo(20.0);
    }

    @Test
    void occupancy_per_room_and_day_counts_the_time_bookings_held_the_room() {
        Api.Answer stats = statistics(DAY, DAY.plusDays(1));
        Map<String, Object> a = day(stats, roomA, DAY);
        // 60 + 15 (no-show until its release) + 0 (cancelled) + 62 (ended early at 15:02) + 60 (still to come)
        assertThat(a).containsEntry("openMinutes", 720).containsEntry("bookedMinutes", 197).containsEntry("room", "Room A");
        assertThat(((Number) a.get("occupancyPercent")).doubleValue()).isEqualTo(27.4);
        Map<String, Object> b = day(stats, roomB, DAY);
        assertThat(b).containsEntry("openMinutes", 720).containsEntry("bookedMinutes", 60);
        assertThat(((Number) b.get("occupancyPercent")).doubleValue()).isEqualTo(8.3);
        Map<String, Object> aNext = day(stats, roomA, DAY.plusDays(1));
        assertThat(aNext).containsEntry("openMinutes", 720).containsEntry("bookedMinutes", 0);
        assertThat(((Number) aNext.get("occupancyPercent")).doubleValue()).isEqualTo(0.0);
        Map<String, Object> bClosed = day(stats, roomB, DAY.plusDays(1));
        assertThat(bClosed).containsEntry("openMinutes", 0).containsEntry("bookedMinutes", 0);
        assertThat(bClosed.get("occupancyPercent")).isNull();
        assertThat(list(stats, "days")).hasSize(4);
    }

    @Test
    void occupancy_per_hour_of_the_day_sums_over_the_range() {
        Api.Answer stats = statistics(DAY, DAY.plusDays(1));
        assertThat(hour(stats, roomA, 7)).containsEntry("openMinutes", 0).containsEntry("bookedMinutes", 0);
        assertThat(hour(stats, roomA, 7).get("occupancyPercent")).isNull();
        assertThat(hour(stats, roomA, 9)).containsEntry("openMinutes", 120).containsEntry("bookedMinutes", 60);
        assertThat(hour(stats, roomA, 10)).containsEntry("bookedMinutes", 15);
        assertThat(((Number) hour(stats, roomA, 10).get("occupancyPercent")).doubleValue()).isEqualTo(12.5);
        assertThat(hour(stats, roomA, 12)).containsEntry("bookedMinutes", 0);
        assertThat(hour(stats, roomA, 15)).containsEntry("bookedMinutes", 2);
        assertThat(((Number) hour(stats, roomA, 15).get("occupancyPercent")).doubleValue()).isEqualTo(1.7);
        // Room B is closed on the second day: its hours count one day of opening only.
        assertThat(hour(stats, roomB, 16)).containsEntry("openMinutes", 60).containsEntry("bookedMinutes", 60);
        assertThat(((Number) hour(stats, roomB, 16).get("occupancyPercent")).doubleValue()).isEqualTo(100.0);
        assertThat(list(stats, "hours")).hasSize(48);
    }

    @Test
    void loans_wipes_and_languages_are_counted() {
        Api.Answer stats = statistics(DAY, DAY);
        assertThat(list(stats, "loans")).containsExactly(
                Map.of("kind", "LAPTOP", "count", 2), Map.of("kind", "WEBCAM", "count", 1), Map.of("kind", "HEADSET", "count", 0));
        // agent wipes of 1000, 3000 and 2000 ms verified, 5000 ms not: the median by nearest rank is 2000
        assertThat(map(stats.get("wipes"))).containsEntry("ok", 3).containsEntry("failed", 1)
                .containsEntry("p50Millis", 2000).containsEntry("maxMillis", 5000).containsEntry("staffChecks", 2);
        assertThat(list(stats, "languages")).containsExactly(
                Map.of("language", "fi", "bookings", 2), Map.of("language", "ar", "bookings", 1),
                Map.of("language", "en", "bookings", 1), Map.of("language", "sv", "bookings", 1),
                Map.of("language", "unknown", "bookings", 1));
    }

    static Map<String, Object> weekHour(Api.Answer stats, String weekday, int hour) {
        return list(stats, "weekHours").stream().filter(h -> weekday.equals(h.get("weekday")) && ((Number) h.get("hour")).intValue() == hour)
                .findFirst().orElseThrow();
    }

    @Test
    void occupancy_by_weekday_and_hour_sums_every_room_over_the_range() {
        Api.Answer stats = statistics(DAY, DAY.plusDays(1));
        assertThat(list(stats, "weekHours")).as("every weekday × hour").hasSize(7 * 24);
        // Tuesday 9–10: both rooms open, Room A booked
        assertThat(weekHour(stats, "TUESDAY", 9)).containsEntry("openMinutes", 120).containsEntry("bookedMinutes", 60);
        assertThat(((Number) weekHour(stats, "TUESDAY", 9).get("occupancyPercent")).doubleValue()).isEqualTo(50.0);
        // Tuesday 16–17: Room B booked
        assertThat(((Number) weekHour(stats, "TUESDAY", 16).get("occupancyPercent")).doubleValue()).isEqualTo(50.0);
        // Wednesday: Room B is closed, Room A open and empty
        assertThat(weekHour(stats, "WEDNESDAY", 9)).containsEntry("openMinutes", 60).containsEntry("bookedMinutes", 0);
        assertThat(weekHour(stats, "MONDAY", 9)).containsEntry("openMinutes", 0);
        assertThat(weekHour(stats, "MONDAY", 9).get("occupancyPercent")).isNull();
    }

    @Test
    void bookings_and_loans_are_counted_per_day_and_wipes_by_duration() {
        Api.Answer stats = statistics(DAY, DAY.plusDays(1));
        assertThat(list(stats, "perDay")).containsExactly(
                Map.of("date", DAY.toString(), "bookings", 6, "loans", 3),
                Map.of("date", DAY.plusDays(1).toString(), "bookings", 0, "loans", 0));
        List<Map<String, Object>> buckets = list(stats, "wipeDurations");
        assertThat(buckets).extracting(b -> b.get("upToSeconds")).containsExactly(10, 30, 60, 120, 300, 600, null);
        // 1, 2, 3 and 5 s: all quick
        assertThat(buckets).extracting(b -> b.get("count")).containsExactly(4, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void each_chart_is_an_svg_picture_with_the_numbers_and_weekdays_in_the_readers_language() {
        String base = "/api/v1/sites/" + library.siteId() + "/statistics/";
        String range = ".svg?from=2026-11-24&to=2026-11-25";
        HttpResponse<String> occupancy = raw(base + "occupancy" + range + "&lang=fi", staff);
        assertThat(occupancy.statusCode()).isEqualTo(200);
        assertThat(occupancy.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(occupancy.body()).startsWith("<svg").contains("viewBox=").contains(">ti<").contains(">ke<").contains(">50<")
                .doesNotContain("Tue");
        assertThat(raw(base + "occupancy" + range + "&lang=en", staff).body()).contains(">Tue<");

        assertThat(raw(base + "bookings" + range, staff).body()).startsWith("<svg").contains(">6<").contains("24.11.");
        assertThat(raw(base + "loans" + range, staff).body()).startsWith("<svg").contains(">3<");
        assertThat(raw(base + "wipes" + range, staff).body()).startsWith("<svg").contains("≤ 10 s").contains(">4<");
        // a year is drawn as a line, not 366 bars
        assertThat(raw(base + "bookings.svg?from=2025-11-25&to=2026-11-24", staff).statusCode()).isEqualTo(200);

        assertThat(api.get(base + "pie" + range, staff).status()).isEqualTo(400);
        assertThat(raw(base + "occupancy" + range, library.kiosk()).statusCode()).isEqualTo(403);
        assertThat(raw(base + "occupancy" + range, null).statusCode()).isEqualTo(401);
    }

    @Test
    void another_day_has_no_bookings_but_keeps_its_shape() {
        Api.Answer stats = statistics(DAY.minusDays(1), DAY.minusDays(1));
        assertThat(map(stats.get("bookings"))).containsEntry("total", 0).doesNotContainKey("noShowRatePercent");
        assertThat(map(stats.get("wipes"))).containsEntry("ok", 0).doesNotContainKey("p50Millis");
        assertThat(list(stats, "languages")).isEmpty();
        assertThat(list(stats, "loans")).extracting(l -> l.get("count")).containsOnly(0);
    }

    @Test
    void the_answer_holds_no_codes() {
        String text = statistics(DAY, DAY).text();
        for (String code : bookingCodes) {
            assertThat(text).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
        assertThat(text).doesNotContain("Plans changed");
    }

    // ---- bad requests and access ----

    @Test
    void bad_ranges_are_refused_with_a_problem() {
        String base = "/api/v1/sites/" + library.siteId();
        Api.Answer backwards = api.get(base + "/statistics?from=2026-11-25&to=2026-11-24", staff);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).contains("application/problem+json");
        assertThat(backwards.problem()).isEqualTo("urn:suoja:problem:invalid-request");
        // 367 days are too many; 366 (a year with a leap day) are not
        assertThat(api.get(base + "/statistics?from=2025-11-23&to=2026-11-24", staff).status()).isEqualTo(400);
        assertThat(api.get(base + "/statistics?from=2025-11-24&to=2026-11-24", staff).status()).isEqualTo(200);
        assertThat(api.get(base + "/statistics?from=24.11.2026&to=2026-11-24", staff).status()).isEqualTo(400);
        assertThat(api.get(base + "/statistics?from=2026-11-24", staff).status()).isEqualTo(400);
        assertThat(api.get(base + "/statistics.csv?from=2026-11-25&to=2026-11-24", staff).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        HttpResponse<String> csv = raw(base + "/statistics.csv?from=2026-11-25&to=2026-11-24", staff);
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("urn:suoja:problem:invalid-request");
        assertThat(api.get("/api/v1/sites/999999/statistics?from=2026-11-24&to=2026-11-24", staff).status()).isEqualTo(404);
    }

    @Test
    void statistics_are_for_staff_only() {
        String path = "/api/v1/sites/" + library.siteId() + "/statistics?from=2026-11-24&to=2026-11-24";
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(raw(path.replace("statistics", "statistics.csv"), null).statusCode()).isEqualTo(401);
        assertThat(api.get(path, library.kiosk()).status()).isEqualTo(403);
        assertThat(api.get(path, admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/rooms/" + roomA + "/calendar-link", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/rooms/" + roomA + "/calendar-link", library.kiosk()).status()).isEqualTo(403);
    }

    // ---- CSV ----

    @Test
    void the_csv_has_the_same_numbers_as_the_json() {
        Api.Answer json = statistics(DAY, DAY.plusDays(1));
        HttpResponse<String> csv = raw("/api/v1/sites/" + library.siteId() + "/statistics.csv?from=2026-11-24&to=2026-11-25",
                staff);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=").contains(".csv");
        assertThat(csv.body()).startsWith("\uFEFF" + StatisticsCsv.HEADER + "\r\n");

        List<List<String>> rows = Csv.parse(csv.body().substring(1));
        assertThat(rows.get(0)).containsExactly("section", "room_id", "room", "date", "hour", "measure", "value");
        Map<String, String> cells = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(7);
            String key = String.join("|", row.subList(0, 6));
            assertThat(cells.put(key, row.get(6))).as("one value per key: " + key).isNull();
        }
        for (Map<String, Object> day : list(json, "days")) {
            String prefix = "room_day|" + day.get("roomId") + "|" + day.get("room") + "|" + day.get("date") + "||";
            assertThat(cells.get(prefix + "open_minutes")).isEqualTo(day.get("openMinutes").toString());
            assertThat(cells.get(prefix + "booked_minutes")).isEqualTo(day.get("bookedMinutes").toString());
            assertThat(cells.get(prefix + "occupancy_percent")).isEqualTo(number(day.get("occupancyPercent")));
        }
        for (Map<String, Object> hour : list(json, "hours")) {
            String prefix = "room_hour|" + hour.get("roomId") + "|" + hour.get("room") + "||" + hour.get("hour") + "|";
            assertThat(cells.get(prefix + "booked_minutes")).isEqualTo(hour.get("bookedMinutes").toString());
            assertThat(cells.get(prefix + "occupancy_percent")).isEqualTo(number(hour.get("occupancyPercent")));
        }
        Map<String, Object> bookings = map(json.get("bookings"));
        assertThat(cells).containsEntry("bookings|||||total", bookings.get("total").toString())
                .containsEntry("bookings|||||no_shows", "1")
                .containsEntry("bookings|||||no_show_rate_percent", "20.0")
                .containsEntry("bookings|||||ended_early", "1")
                .containsEntry("loans|||||LAPTOP", "2")
                .containsEntry("wipes|||||p50_millis", "2000")
                .containsEntry("wipes|||||failed", "1")
                .containsEntry("languages|||||unknown", "1")
                .containsEntry("range|||||from", "2026-11-24")
                .containsEntry("room_day|" + roomB + "|" + ROOM_B_NAME + "|2026-11-25||occupancy_percent", "");
        // the room name with a quote and a comma was quoted, not split
        assertThat(csv.body()).contains(",\"Room \"\"B\"\", quiet\",");
    }

    // ---- calendar feed ----

    @Test
    void the_calendar_feed_is_rfc_5545_with_states_and_nothing_personal() {
        String path = expect(200, api.get("/api/v1/rooms/" + roomA + "/calendar-link", staff)).string("path");
        assertThat(path).startsWith("/api/v1/rooms/" + roomA + "/calendar.ics?key=");
        HttpResponse<String> feed = raw(path, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String text = feed.body();
        assertWellFormed(text);
        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(count(unfolded, "BEGIN:VEVENT")).isEqualTo(5);
        assertThat(count(unfolded, "STATUS:CANCELLED")).isEqualTo(1);
        assertThat(unfolded).contains("SUMMARY:Room A: Completed", "SUMMARY:Room A: No-show", "SUMMARY:Room A: Cancelled",
                "SUMMARY:Room A: Ended early", "SUMMARY:Room A: Booked");
        assertThat(unfolded).contains("DTSTART:20261124T070000Z\r\nDTEND:20261124T080000Z",
                "DTSTART:20261124T120000Z\r\nDTEND:20261124T130500Z", "DTSTAMP:20261124T153000Z");
        for (String code : bookingCodes) {
            assertThat(unfolded).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
        for (String code : doorCodes) {
            assertThat(unfolded).doesNotContain(code);
        }
        // the same booking keeps its UID from one fetch to the next, so calendars update it in place
        List<String> uids = unfolded.lines().filter(l -> l.startsWith("UID:")).toList();
        assertThat(uids).hasSize(5).doesNotHaveDuplicates();
        assertThat(raw(path, null).body().replace("\r\n ", "").lines().filter(l -> l.startsWith("UID:")).toList()).isEqualTo(uids);
    }

    @Test
    void a_long_place_is_escaped_and_folded_at_75_octets() {
        String path = expect(200, api.get("/api/v1/rooms/" + roomB + "/calendar-link", staff)).string("path");
        String text = raw(path, null).body();
        assertWellFormed(text);
        assertThat(text).contains("\r\n ");
        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).contains("LOCATION:" + ROOM_B_PLACE.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") + "\r\n");
        assertThat(unfolded).contains("SUMMARY:Room \"B\"\\, quiet: Completed");
    }

    @Test
    void a_wrong_or_missing_key_finds_no_calendar() {
        String path = expect(200, api.get("/api/v1/rooms/" + roomA + "/calendar-link", staff)).string("path");
        String keyOfA = path.substring(path.indexOf("key=") + 4);
        for (String wrong : List.of(
                "/api/v1/rooms/" + roomA + "/calendar.ics",
                "/api/v1/rooms/" + roomA + "/calendar.ics?key=",
                "/api/v1/rooms/" + roomA + "/calendar.ics?key=" + keyOfA.substring(1),
                "/api/v1/rooms/" + roomA + "/calendar.ics?key=" + (keyOfA.charAt(0) == 'A' ? 'B' : 'A') + keyOfA.substring(1),
                "/api/v1/rooms/" + roomB + "/calendar.ics?key=" + keyOfA,
                "/api/v1/rooms/999999/calendar.ics?key=" + keyOfA)) {
            HttpResponse<String> answer = raw(wrong, null);
            assertThat(answer.statusCode()).as(wrong).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
            assertThat(answer.body()).contains("urn:suoja:problem:not-found")
                    .doesNotContain("Room A").doesNotContain("BEGIN:VCALENDAR");
            assertThat(api.get(wrong, null).problem()).isEqualTo("urn:suoja:problem:not-found");
        }
        assertThat(api.get("/api/v1/rooms/999999/calendar-link", staff).status()).isEqualTo(404);
    }

    // ---- helpers ----

    private static void assertWellFormed(String text) {
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    private static String number(Object value) {
        return value == null ? "" : Double.toString(((Number) value).doubleValue());
    }

    TestLaptop laptop(String tag) {
        Api.Answer registered = expect(201, api.post("/api/v1/devices", admin,
                Map.of("tag", tag, "kind", "LAPTOP", "siteId", library.siteId())));
        TestLaptop laptop = new TestLaptop(registered.string("agentConfig"), TestBroker.url(), clock);
        laptops.add(laptop);
        return laptop;
    }

    Api.Answer device(String id) {
        return expect(200, api.get("/api/v1/devices/" + id, staff));
    }

    void awaitState(String id, String state) {
        Eventually.until("device " + id + " to be " + state, () -> device(id), d -> state.equals(d.string("state")));
    }

    String book(long roomId, String start, int minutes, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", roomId, "start", at(start).toString(), "minutes", minutes));
        if (language != null) {
            body.put("language", language);
        }
        Api.Answer made = expect(201, api.post("/api/v1/bookings", library.kiosk(), body));
        if (made.string("doorCode") != null) {
            doorCodes.add(made.string("doorCode"));
        }
        return made.string("code");
    }

    Api.Answer statistics(LocalDate from, LocalDate to) {
        return expect(200, api.get("/api/v1/sites/" + library.siteId() + "/statistics?from=" + from + "&to=" + to, staff));
    }

    static Map<String, Object> day(Api.Answer stats, long roomId, LocalDate date) {
        return list(stats, "days").stream()
                .filter(d -> ((Number) d.get("roomId")).longValue() == roomId && date.toString().equals(d.get("date")))
                .findFirst().orElseThrow(() -> new AssertionError("no day " + date + " of room " + roomId + " in " + stats));
    }

    static Map<String, Object> hour(Api.Answer stats, long roomId, int hour) {
        return list(stats, "hours").stream()
                .filter(h -> ((Number) h.get("roomId")).longValue() == roomId && ((Number) h.get("hour")).intValue() == hour)
                .findFirst().orElseThrow(() -> new AssertionError("no hour " + hour + " of room " + roomId));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Api.Answer answer, String key) {
        return (List<Map<String, Object>>) answer.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    HttpResponse<String> raw(String path, String token) {
        // as a calendar app or a browser download asks: any type
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "*/*").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
