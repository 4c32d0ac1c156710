package fi.suoja.server.booking;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings through the real HTTP API against a real database. Run on H2 by
 * {@link BookingOnH2Test} and on PostgreSQL by {@link BookingOnPostgresTest}.
 */
abstract class BookingScenarios extends LibraryScene {

    @Inject
    BookingJobs jobs;

    @Inject
    BookingService service;

    @Inject
    ScriptedBookingCodes codes;

    long roomId;

    @BeforeEach
    void roomA() {
        roomId = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
    }

    Api.Answer book(String token, long room, Instant start, int minutes) {
        return api.post("/api/v1/bookings", token, Map.of("roomId", room, "start", start.toString(), "minutes", minutes));
    }

    Api.Answer book(long room, Instant start, int minutes, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", room, "start", start.toString(), "minutes", minutes));
        body.putAll(extra);
        return api.post("/api/v1/bookings", kiosk, body);
    }

    String code(Api.Answer booking) {
        return booking.string("code");
    }

    List<Map<String, Object>> freeRanges(LocalDate day) {
        Api.Answer answer = expect(200, api.get("/api/v1/sites/" + siteId + "/availability?date=" + day, kiosk));
        return castList(answer.list().stream().filter(r -> ((Number) r.get("roomId")).longValue() == roomId)
                .findFirst().orElseThrow().get("free"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static Map<String, Object> range(Instant start, Instant end) {
        return Map.of("start", start.toString(), "end", end.toString());
    }

    @Test
    void a_booking_shows_in_availability_and_a_second_booking_of_the_same_time_gets_409() {
        Api.Answer first = expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 60));
        assertThat(first.string("status")).isEqualTo("CONFIRMED");
        assertThat(code(first)).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        assertThat(first.string("doorCode")).matches("[0-9]{6}");
        assertThat(first.string("doorCodeValidFrom")).isEqualTo(at(TODAY, "11:50").toString());
        assertThat(first.string("doorCodeValidUntil")).isEqualTo(at(TODAY, "13:00").toString());

        // Free until the booking minus the buffer it needs, and again after its own buffer.
        assertThat(freeRanges(TODAY)).containsExactly(
                range(at(TODAY, "10:00"), at(TODAY, "11:50")),
                range(at(TODAY, "13:10"), at(TODAY, "20:00")));

        Api.Answer second = book(kiosk, roomId, at(TODAY, "12:30"), 60);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.problem()).isEqualTo("urn:suoja:problem:room-taken");
    }

    @Test
    void the_buffer_keeps_bookings_apart_on_both_sides() {
        expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 60));
        assertThat(book(kiosk, roomId, at(TODAY, "13:00"), 15).status()).isEqualTo(409);
        assertThat(book(staff, roomId, at(TODAY, "11:45"), 15).status()).isEqualTo(409);
        expect(201, book(kiosk, roomId, at(TODAY, "13:15"), 15));
        expect(201, book(kiosk, roomId, at(TODAY, "11:30"), 15));
    }

    @Test
    void a_booking_for_now_starts_in_the_current_five_minutes_and_free_now_lists_the_room_until_then() {
        clock.set(at(TODAY, "10:07"));
        Api.Answer free = expect(200, api.get("/api/v1/sites/" + siteId + "/free-now?minutes=30", kiosk));
        assertThat(free.list()).hasSize(1);
        assertThat(free.list().get(0).get("start")).isEqualTo(at(TODAY, "10:05").toString());
        assertThat(free.list().get(0).get("maxMinutes")).isEqualTo(120);

        expect(201, book(kiosk, roomId, at(TODAY, "10:05"), 30));
        assertThat(expect(200, api.get("/api/v1/sites/" + siteId + "/free-now?minutes=15", kiosk)).list()).isEmpty();
        // 10:00 would still be "now" as offered before 10:05 (and is taken); 09:55 is past
        assertThat(book(kiosk, roomId, at(TODAY, "10:00"), 15).problem()).isEqualTo("urn:suoja:problem:room-taken");
        assertThat(book(kiosk, roomId, at(TODAY, "09:55"), 15).problem()).isEqualTo("urn:suoja:problem:booking-rule");
    }

    @Test
    void a_booking_can_be_extended_only_into_free_time() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 30)));
        expect(201, book(kiosk, roomId, at(TODAY, "13:15"), 30));

        Api.Answer taken = api.post("/api/v1/bookings/" + code + "/extend", kiosk, Map.of("minutes", 45));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problem()).isEqualTo("urn:suoja:problem:room-taken");
        assertThat(expect(200, api.get("/api/v1/bookings/" + code, kiosk)).string("end")).isEqualTo(at(TODAY, "12:30").toString());

        Api.Answer longer = expect(200, api.post("/api/v1/bookings/" + code + "/extend", kiosk, Map.of("minutes", 30)));
        assertThat(longer.string("end")).isEqualTo(at(TODAY, "13:00").toString());
        assertThat(longer.string("doorCodeValidUntil")).isEqualTo(at(TODAY, "13:00").toString());
        assertThat(book(kiosk, roomId, at(TODAY, "13:00"), 15).status()).isEqualTo(409);
    }

    @Test
    void checking_in_and_ending_early_frees_the_room_after_the_buffer() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "10:00"), 60)));
        Api.Answer checkedIn = expect(200, api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null));
        assertThat(checkedIn.string("status")).isEqualTo("CHECKED_IN");
        assertThat(checkedIn.string("checkedInAt")).isEqualTo(at(TODAY, "10:00").toString());

        clock.set(at(TODAY, "10:22"));
        Api.Answer ended = expect(200, api.post("/api/v1/bookings/" + code + "/end", kiosk, null));
        assertThat(ended.string("status")).isEqualTo("COMPLETED");
        assertThat(ended.string("end")).isEqualTo(at(TODAY, "10:25").toString());

        assertThat(book(kiosk, roomId, at(TODAY, "10:20"), 15).status()).isEqualTo(409);
        clock.set(at(TODAY, "10:35"));
        expect(201, book(kiosk, roomId, at(TODAY, "10:35"), 15));
        assertThat(api.post("/api/v1/bookings/" + code + "/end", kiosk, null).problem())
                .isEqualTo("urn:suoja:problem:wrong-booking-state");
    }

    @Test
    void a_booking_cannot_be_ended_before_it_starts_but_can_be_cancelled_and_its_time_booked_again() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "14:00"), 60)));
        Api.Answer early = api.post("/api/v1/bookings/" + code + "/end", kiosk, null);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.string("rule")).isEqualTo("not-started");

        Api.Answer cancelled = expect(200, api.post("/api/v1/bookings/" + code + "/cancel", kiosk, Map.of()));
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
        expect(201, book(kiosk, roomId, at(TODAY, "14:00"), 60));
        assertThat(api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null).problem())
                .isEqualTo("urn:suoja:problem:wrong-booking-state");
    }

    @Test
    void an_unclaimed_booking_is_released_exactly_when_the_grace_time_is_over() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "11:00"), 60)));

        clock.set(at(TODAY, "11:14:59"));
        jobs.releaseNoShows();
        assertThat(expect(200, api.get("/api/v1/bookings/" + code, staff)).string("status")).isEqualTo("CONFIRMED");

        clock.set(at(TODAY, "11:15"));
        Api.Answer late = api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.string("rule")).isEqualTo("check-in-too-late");
        assertThat(jobs.releaseNoShows()).isPositive();
        assertThat(jobs.releaseNoShows()).as("a second run finds nothing left to do").isZero();
        assertThat(expect(200, api.get("/api/v1/bookings/" + code, staff)).string("status")).isEqualTo("NO_SHOW");

        expect(201, book(kiosk, roomId, at(TODAY, "11:15"), 30));
    }

    @Test
    void a_room_booked_for_now_at_a_kiosk_is_the_visitors_at_once_and_a_later_booking_is_still_released() {
        long otherRoom = api.createRoom(admin, siteId, "Room B", "08:00", "20:00");
        clock.set(at(TODAY, "10:07"));
        Api.Answer now = expect(201, book(kiosk, roomId, at(TODAY, "10:05"), 60));
        Api.Answer later = expect(201, book(kiosk, otherRoom, at(TODAY, "10:15"), 60));
        Api.Answer byStaff = expect(201, book(staff, otherRoom, at(TODAY, "11:30"), 30));

        assertThat(now.string("status")).isEqualTo("CHECKED_IN");
        assertThat(now.string("checkedInAt")).isEqualTo(at(TODAY, "10:07").toString());
        assertThat(now.get("checkInUntil")).isNull();
        assertThat(later.string("status")).as("the next start time is not now").isEqualTo("CONFIRMED");
        assertThat(later.string("checkInUntil")).isEqualTo(at(TODAY, "10:30").toString());
        assertThat(byStaff.string("status")).as("staff book for someone who may not come").isEqualTo("CONFIRMED");

        clock.set(at(TODAY, "10:31"));
        assertThat(jobs.releaseNoShows()).isPositive();
        assertThat(expect(200, api.get("/api/v1/bookings/" + code(later), staff)).string("status")).isEqualTo("NO_SHOW");
        Api.Answer kept = expect(200, api.get("/api/v1/bookings/" + code(now), staff));
        assertThat(kept.string("status")).isEqualTo("CHECKED_IN");
        assertThat(service.doorCodeOpens(roomId, now.string("doorCode"), clock.instant())).isTrue();
        assertThat(service.doorCodeOpens(roomId, now.string("doorCode"), at(TODAY, "11:04:59"))).isTrue();
        assertThat(book(kiosk, roomId, at(TODAY, "10:30"), 15).status()).as("the room stays taken").isEqualTo(409);

        clock.set(at(TODAY, "11:05"));
        assertThat(jobs.completeEnded()).isPositive();
        assertThat(expect(200, api.get("/api/v1/bookings/" + code(now), staff)).string("status")).isEqualTo("COMPLETED");
        Object counted = expect(200, api.get("/api/v1/sites/" + siteId + "/statistics?from=" + TODAY + "&to=" + TODAY, staff))
                .get("bookings");
        assertThat(counted).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("total", 3).containsEntry("checkedIn", 1).containsEntry("noShows", 1);
    }

    @Test
    void checking_in_a_booking_that_is_checked_in_already_keeps_it_as_it_is() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "10:00"), 30)));
        clock.set(at(TODAY, "10:03"));

        Api.Answer again = expect(200, api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null));

        assertThat(again.string("status")).isEqualTo("CHECKED_IN");
        assertThat(again.string("checkedInAt")).isEqualTo(at(TODAY, "10:00").toString());
    }

    @Test
    void a_booking_for_now_can_be_ended_at_once_but_not_cancelled() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "10:00"), 60)));
        clock.set(at(TODAY, "10:02"));

        assertThat(api.post("/api/v1/bookings/" + code + "/cancel", kiosk, Map.of()).problem())
                .isEqualTo("urn:suoja:problem:wrong-booking-state");
        Api.Answer ended = expect(200, api.post("/api/v1/bookings/" + code + "/end", kiosk, null));
        assertThat(ended.string("status")).isEqualTo("COMPLETED");
        assertThat(ended.string("end")).isEqualTo(at(TODAY, "10:05").toString());
    }

    @Test
    void check_in_opens_with_the_door_code() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "11:00"), 60)));
        clock.set(at(TODAY, "10:49:59"));
        assertThat(api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null).string("rule")).isEqualTo("check-in-too-early");
        clock.set(at(TODAY, "10:50"));
        expect(200, api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null));
    }

    @Test
    void checked_in_bookings_complete_at_their_end_and_the_job_catches_up_after_downtime() {
        String first = code(expect(201, book(kiosk, roomId, at(TODAY, "10:00"), 30)));
        String second = code(expect(201, book(kiosk, roomId, at(TODAY, "10:45"), 30)));
        expect(200, api.post("/api/v1/bookings/" + first + "/check-in", kiosk, null));
        clock.set(at(TODAY, "10:45"));
        expect(200, api.post("/api/v1/bookings/" + second + "/check-in", kiosk, null));

        clock.set(at(TODAY, "10:29"));
        jobs.completeEnded();
        assertThat(expect(200, api.get("/api/v1/bookings/" + first, staff)).string("status")).isEqualTo("CHECKED_IN");
        clock.set(at(TODAY, "16:00"));
        assertThat(jobs.completeEnded()).isGreaterThanOrEqualTo(2);
        assertThat(expect(200, api.get("/api/v1/bookings/" + first, staff)).string("status")).isEqualTo("COMPLETED");
        assertThat(expect(200, api.get("/api/v1/bookings/" + second, staff)).string("endedAt")).isEqualTo(at(TODAY, "11:15").toString());
    }

    @Test
    void the_door_code_opens_only_inside_the_booking_window() {
        Api.Answer booking = expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 60));
        String door = booking.string("doorCode");
        assertThat(service.doorCodeOpens(roomId, door, at(TODAY, "11:49:59"))).isFalse();
        assertThat(service.doorCodeOpens(roomId, door, at(TODAY, "11:50"))).isTrue();
        assertThat(service.doorCodeOpens(roomId, door, at(TODAY, "12:59:59"))).isTrue();
        assertThat(service.doorCodeOpens(roomId, door, at(TODAY, "13:00"))).isFalse();
        String wrong = door.equals("000000") ? "000001" : "000000";
        assertThat(service.doorCodeOpens(roomId, wrong, at(TODAY, "12:30"))).isFalse();
        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/cancel", kiosk, Map.of()));
        assertThat(service.doorCodeOpens(roomId, door, at(TODAY, "12:30"))).isFalse();
    }

    @Test
    void a_wrong_code_says_nothing_about_other_bookings_and_after_ten_a_kiosk_is_slowed_down_but_never_locked() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 60)));
        for (String wrong : List.of("ABC-DEF-GHJ", "not a code", "0000", "ABCDEFGHJK")) {
            Api.Answer answer = api.get("/api/v1/bookings/" + wrong.replace(" ", "%20"), kiosk);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.problem()).isEqualTo("urn:suoja:problem:booking-not-found");
            assertThat(answer.text()).doesNotContain("Room A");
        }
        for (int i = 0; i < 6; i++) {
            assertThat(api.get("/api/v1/bookings/ZZZ-ZZZ-ZZ" + (i + 2), kiosk).status()).isEqualTo(404);
        }
        // the right code is answered in its turn, with the clock standing still: right away
        expect(200, api.get("/api/v1/bookings/" + code, kiosk));
        // wrong codes now wait for turns 1 s, 2 s, 4 s apart; one beyond 6 s is refused unseen
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.get("/api/v1/bookings/ZZZ-ZZZ-ZY" + (i + 2), kiosk).status());
        }
        assertThat(statuses).containsExactly(404, 404, 404, 429);

        // Staff are not limited, and the kiosk answers at once again once the window has passed.
        expect(200, api.get("/api/v1/bookings/" + code, staff));
        clock.advance(Duration.ofMinutes(11));
        expect(200, api.get("/api/v1/bookings/" + code.toLowerCase().replace("-", " ").replace(" ", ""), kiosk));
    }

    @Test
    void a_kiosk_sees_and_books_only_its_own_library() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 60)));
        long otherSite = api.createSite(admin, "Other " + UUID.randomUUID(), Api.rules());
        String otherKiosk = api.kioskToken(admin, otherSite, "Other lobby");
        assertThat(api.get("/api/v1/bookings/" + code, otherKiosk).problem()).isEqualTo("urn:suoja:problem:booking-not-found");
        assertThat(book(otherKiosk, roomId, at(TODAY, "15:00"), 30).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sites/" + siteId + "/availability?date=" + TODAY, otherKiosk).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sites/" + siteId + "/bookings?date=" + TODAY, kiosk).status()).isEqualTo(403);
    }

    @Test
    void staff_see_the_day_of_a_library_with_codes() {
        String code = code(expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 60)));
        expect(201, book(kiosk, roomId, at(TODAY.plusDays(1), "12:00"), 60));
        Api.Answer day = expect(200, api.get("/api/v1/sites/" + siteId + "/bookings?date=" + TODAY, staff));
        assertThat(day.list()).extracting(b -> b.get("code")).containsExactly(code);
    }

    @Test
    void a_library_card_is_counted_however_it_is_typed_and_never_shown() {
        expect(200, api.put("/api/v1/sites/" + siteId + "/rules", admin, Api.rules("maxActiveBookingsPerCard", 2)));
        Api.Answer one = expect(201, book(roomId, at(TODAY, "11:00"), 30, Map.of("libraryCard", "12345678")));
        assertThat(one.text()).doesNotContain("12345678");
        assertThat(one.get("libraryCardGiven")).isEqualTo(true);
        expect(201, book(roomId, at(TODAY, "12:00"), 30, Map.of("libraryCard", " 1234 5678 ")));
        Api.Answer third = book(roomId, at(TODAY, "13:00"), 30, Map.of("libraryCard", "1234-5678"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.problem()).isEqualTo("urn:suoja:problem:card-limit");
        expect(201, book(roomId, at(TODAY, "13:00"), 30, Map.of("libraryCard", "87654321")));
    }

    @Test
    void a_site_can_require_a_card_and_refuses_names_on_doors_unless_allowed() {
        expect(200, api.put("/api/v1/sites/" + siteId + "/rules", admin, Api.rules("libraryCardRequired", true)));
        assertThat(book(kiosk, roomId, at(TODAY, "11:00"), 30).string("rule")).isEqualTo("card-required");
        assertThat(book(roomId, at(TODAY, "11:00"), 30, Map.of("libraryCard", "12!")).string("rule")).isEqualTo("card-invalid");
        assertThat(book(roomId, at(TODAY, "11:00"), 30, Map.of("libraryCard", "A1234", "nameOnDoor", "Maija")).string("rule"))
                .isEqualTo("name-on-door-not-allowed");
        expect(200, api.put("/api/v1/sites/" + siteId + "/rules", admin,
                Api.rules("libraryCardRequired", true, "nameOnDoorAllowed", true)));
        Api.Answer named = expect(201, book(roomId, at(TODAY, "11:00"), 30, Map.of("libraryCard", "A1234", "nameOnDoor", "Maija")));
        assertThat(named.string("nameOnDoor")).isEqualTo("Maija");
    }

    @Test
    void old_bookings_lose_codes_and_card_but_stay_for_statistics() {
        String old = code(expect(201, book(roomId, at(TODAY, "11:00"), 30, Map.of("libraryCard", "99887766"))));
        clock.set(at(TODAY.plusDays(1), "10:00"));
        String recent = code(expect(201, book(kiosk, roomId, at(TODAY.plusDays(1), "11:00"), 30)));

        clock.set(at(TODAY.plusDays(30), "11:29"));
        staff = api.loginAdmin(); // the earlier login has expired by now
        jobs.anonymiseOld();
        expect(200, api.get("/api/v1/bookings/" + old, staff));
        clock.set(at(TODAY.plusDays(30), "11:31"));
        assertThat(jobs.anonymiseOld()).isPositive();
        assertThat(api.get("/api/v1/bookings/" + old, staff).status()).isEqualTo(404);
        expect(200, api.get("/api/v1/bookings/" + recent, staff));

        Api.Answer day = expect(200, api.get("/api/v1/sites/" + siteId + "/bookings?date=" + TODAY, staff));
        assertThat(day.list()).hasSize(1);
        assertThat(day.list().get(0).get("code")).isNull();
        assertThat(day.list().get(0).get("doorCode")).isNull();
        assertThat(day.list().get(0).get("libraryCardGiven")).isEqualTo(false);
        assertThat(day.list().get(0).get("start")).isEqualTo(at(TODAY, "11:00").toString());
    }

    @Test
    void rules_are_checked_through_the_api_with_their_names() {
        assertThat(book(kiosk, roomId, at(TODAY, "19:30"), 60).string("rule")).isEqualTo("outside-opening-hours");
        assertThat(book(kiosk, roomId, at(TODAY, "12:00"), 10).string("rule")).isEqualTo("length-not-in-steps");
        assertThat(book(kiosk, roomId, at(TODAY, "12:00"), 135).string("rule")).isEqualTo("too-long");
        assertThat(book(kiosk, roomId, at(TODAY, "12:10"), 15).string("rule")).isEqualTo("start-not-on-step");
        assertThat(book(kiosk, roomId, at(TODAY.plusDays(15), "12:00"), 15).string("rule")).isEqualTo("too-far-ahead");
        assertThat(book(kiosk, roomId, at(TODAY, "09:00"), 15).string("rule")).isEqualTo("in-the-past");
        expect(201, book(kiosk, roomId, at(TODAY.plusDays(14), "19:45"), 15));
    }

    @Test
    void on_the_days_the_clocks_change_opening_hours_stay_on_the_local_clock() {
        LocalDate fallBack = LocalDate.of(2026, 10, 25);
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        for (LocalDate day : List.of(fallBack, springForward)) {
            clock.set(at(day.minusDays(1), "12:00"));
            List<Map<String, Object>> free = freeRanges(day);
            assertThat(free).containsExactly(range(at(day, "08:00"), at(day, "20:00")));
            expect(201, book(kiosk, roomId, at(day, "08:00"), 15));
            expect(201, book(kiosk, roomId, at(day, "19:45"), 15));
            assertThat(book(kiosk, roomId, at(day, "07:45"), 15).string("rule")).isEqualTo("outside-opening-hours");
        }
        assertThat(at(fallBack, "08:00")).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
        assertThat(at(springForward, "08:00")).isEqualTo(Instant.parse("2027-03-28T05:00:00Z"));
    }

    @Test
    void the_language_the_kiosk_was_in_is_kept_with_the_booking() {
        Api.Answer booking = expect(201, book(roomId, at(TODAY, "12:00"), 30, Map.of("language", "ar")));

        assertThat(booking.string("language")).isEqualTo("ar");
        assertThat(expect(200, api.get("/api/v1/bookings/" + code(booking), kiosk)).string("language")).isEqualTo("ar");
        assertThat(expect(201, book(kiosk, roomId, at(TODAY, "14:00"), 30)).string("language")).isNull();
    }

    @Test
    void a_language_that_is_not_a_language_tag_is_refused() {
        Api.Answer answer = book(roomId, at(TODAY, "12:00"), 30, Map.of("language", "<script>"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problem()).isEqualTo("urn:suoja:problem:invalid-request");
    }

    @Test
    void a_new_code_that_another_booking_has_is_drawn_again_and_the_booking_written_once() {
        Api.Answer first = expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 30));
        String taken = code(first).replace("-", "");
        String fresh = BookingCode.random(new java.security.SecureRandom()).value();
        codes.lineUp(taken, taken, fresh);

        Api.Answer second = expect(201, book(kiosk, roomId, at(TODAY, "14:00"), 30));

        assertThat(codes.left()).as("both clashes and the fresh code were drawn").isZero();
        assertThat(code(second)).isEqualTo(new BookingCode(fresh).display());
        Api.Answer stillFirst = expect(200, api.get("/api/v1/bookings/" + code(first), staff));
        assertThat(stillFirst.string("start")).isEqualTo(at(TODAY, "12:00").toString());
        assertThat(stillFirst.number("id")).isEqualTo(first.number("id"));
        // Written once: the tries that clashed rolled back with their slot claims.
        assertThat(freeRanges(TODAY)).containsExactly(
                range(at(TODAY, "10:00"), at(TODAY, "11:50")),
                range(at(TODAY, "12:40"), at(TODAY, "13:50")),
                range(at(TODAY, "14:40"), at(TODAY, "20:00")));
    }

    @Test
    void codes_that_keep_clashing_fail_the_booking_and_leave_the_room_free() {
        String taken = code(expect(201, book(kiosk, roomId, at(TODAY, "12:00"), 30))).replace("-", "");
        codes.lineUp(taken, taken, taken, taken, taken);

        assertThat(book(kiosk, roomId, at(TODAY, "14:00"), 30).status()).isEqualTo(500);

        assertThat(codes.left()).isZero();
        assertThat(freeRanges(TODAY)).containsExactly(
                range(at(TODAY, "10:00"), at(TODAY, "11:50")),
                range(at(TODAY, "12:40"), at(TODAY, "20:00")));
        expect(201, book(kiosk, roomId, at(TODAY, "14:00"), 30));
    }
}
