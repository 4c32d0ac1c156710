package fi.suoja.server.booking;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the kiosk says before the visitor chooses: free now, all taken or closed, when the rooms
 * open, and the next free start as one offer, with the server's clock moved before opening, past
 * closing and into a full library. Run on H2 by {@link NowOnH2Test} and on PostgreSQL by
 * {@link NowOnPostgresTest}.
 */
abstract class NowScenarios extends LibraryScene {

    long roomA;
    long roomB;

    @BeforeEach
    void twoRooms() {
        roomA = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
        roomB = api.createRoom(admin, siteId, "Room B", "08:00", "20:00");
    }

    Api.Answer now(String query) {
        return expect(200, api.get("/api/v1/sites/" + siteId + "/now?" + query, kiosk));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nextFree(Api.Answer now) {
        return (Map<String, Object>) now.get("nextFree");
    }

    void book(long room, Instant start, int minutes) {
        expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", room, "start", start.toString(), "minutes", minutes)));
    }

    @Test
    void while_rooms_are_free_it_says_how_many_until_when_and_the_next_free_start_is_now() {
        clock.set(at(TODAY, "10:07"));
        Api.Answer now = now("minutes=30");
        assertThat(now.string("state")).isEqualTo("FREE");
        assertThat(now.number("freeRooms")).isEqualTo(2);
        assertThat(now.string("closesAt")).isEqualTo(at(TODAY, "20:00").toString());
        assertThat(now.get("opensAt")).isNull();
        assertThat(nextFree(now).get("start")).isEqualTo(at(TODAY, "10:05").toString());
        assertThat(nextFree(now).get("maxMinutes")).isEqualTo(120);
    }

    @Test
    void a_room_offered_for_now_and_confirmed_after_the_five_minutes_turned_is_booked_and_the_visitors_at_once() {
        clock.set(at(TODAY, "10:09:30"));
        Object offered = nextFree(now("minutes=30")).get("start");
        assertThat(offered).isEqualTo(at(TODAY, "10:05").toString());

        clock.set(at(TODAY, "10:10:20")); // the visitor read the confirm screen
        Api.Answer booked = expect(201, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", roomA, "start", offered, "minutes", 30)));
        assertThat(booked.string("start")).isEqualTo(at(TODAY, "10:05").toString());
        assertThat(booked.string("end")).isEqualTo(at(TODAY, "10:35").toString());
        assertThat(booked.string("status")).as("booked for now at a kiosk: no no-show").isEqualTo("CHECKED_IN");

        Api.Answer past = api.post("/api/v1/bookings", kiosk, Map.of("roomId", roomB, "start", at(TODAY, "10:00").toString(),
                "minutes", 30));
        assertThat(past.status()).as("ten minutes back is past").isEqualTo(422);
        assertThat(past.string("rule")).isEqualTo("in-the-past");
    }

    @Test
    void before_opening_the_rooms_are_closed_and_open_at_eight_with_the_first_free_start_then() {
        clock.set(at(TODAY, "07:00"));
        Api.Answer now = now("minutes=30");
        assertThat(now.string("state")).isEqualTo("CLOSED");
        assertThat(now.number("freeRooms")).isZero();
        assertThat(now.string("opensAt")).isEqualTo(at(TODAY, "08:00").toString());
        assertThat(now.get("closesAt")).isNull();
        assertThat(nextFree(now).get("start")).isEqualTo(at(TODAY, "08:00").toString());
    }

    @Test
    void after_closing_the_rooms_open_the_next_morning_or_the_day_after_a_holiday() {
        clock.set(at(TODAY, "20:30"));
        Api.Answer now = now("minutes=30");
        assertThat(now.string("state")).isEqualTo("CLOSED");
        assertOpensAtEight(now, TODAY.plusDays(1));

        clock.set(at(TODAY, "10:00")); // the admin's session is from then; ten hours later it is over
        for (long room : List.of(roomA, roomB)) {
            expect(200, api.put("/api/v1/rooms/" + room + "/exceptions/" + TODAY.plusDays(1), admin, Map.of("closed", true)));
        }
        clock.set(at(TODAY, "20:30"));
        Api.Answer holiday = now("minutes=30");
        assertOpensAtEight(holiday, TODAY.plusDays(2));
    }

    @Test
    void shortly_before_closing_there_is_no_time_left_for_the_booking_so_the_rooms_count_as_closed() {
        clock.set(at(TODAY, "19:50"));
        Api.Answer half = now("minutes=30");
        assertThat(half.string("state")).isEqualTo("CLOSED");
        assertThat(half.string("opensAt")).isEqualTo(at(TODAY.plusDays(1), "08:00").toString());

        clock.set(at(TODAY, "19:40"));
        assertThat(now("minutes=15").string("state")).isEqualTo("FREE");
    }

    @Test
    void when_every_room_is_taken_it_says_full_and_offers_the_first_start_after_a_booking_and_its_buffer() {
        book(roomA, at(TODAY, "10:00"), 60);
        book(roomB, at(TODAY, "10:00"), 90);
        Api.Answer now = now("minutes=30");
        assertThat(now.string("state")).isEqualTo("FULL");
        assertThat(now.number("freeRooms")).isZero();
        assertThat(now.string("closesAt")).isEqualTo(at(TODAY, "20:00").toString());
        assertThat(now.get("opensAt")).isNull();
        // room A ends at 11:00, its 10-minute buffer at 11:10; the next step is 11:15
        assertThat(nextFree(now).get("roomId")).isEqualTo((int) roomA);
        assertThat(nextFree(now).get("start")).isEqualTo(at(TODAY, "11:15").toString());
        assertThat(nextFree(now).get("names")).isEqualTo(Map.of("fi", "Room A"));

        // the offer can be booked as it stands
        book(roomA, at(TODAY, "11:15"), 30);
    }

    @Test
    void from_a_later_day_the_next_free_start_is_on_that_day_and_never_beyond_the_horizon() {
        Api.Answer later = now("minutes=60&from=" + TODAY.plusDays(3));
        assertThat(later.string("state")).isEqualTo("FREE");
        assertThat(nextFree(later).get("start")).isEqualTo(at(TODAY.plusDays(3), "08:00").toString());

        expect(200, api.put("/api/v1/sites/" + siteId + "/rules", admin, Api.rules("maxDaysAhead", 0)));
        clock.set(at(TODAY, "19:55"));
        Api.Answer none = now("minutes=30");
        assertThat(none.string("state")).isEqualTo("CLOSED");
        assertThat(none.get("opensAt")).isNull();
        assertThat(none.get("nextFree")).isNull();
    }

    @Test
    void a_day_offers_every_start_time_not_only_the_first_few() {
        Api.Answer day = expect(200, api.get("/api/v1/sites/" + siteId + "/availability?date=" + TODAY + "&minutes=30", kiosk));
        @SuppressWarnings("unchecked")
        List<String> starts = (List<String>) day.list().get(0).get("starts");
        // 10:00 to 19:30 in quarter hours
        assertThat(starts).hasSize(39).contains(at(TODAY, "17:30").toString()).endsWith(at(TODAY, "19:30").toString());
        book(roomA, at(TODAY, "17:30"), 30);
    }

    @Test
    void a_wrong_length_is_refused_as_problem_json() {
        Api.Answer wrong = api.get("/api/v1/sites/" + siteId + "/now?minutes=2", kiosk);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    /** The rooms open at eight that day, and the first free start offered is then. */
    private static void assertOpensAtEight(Api.Answer now, LocalDate day) {
        assertThat(now.string("opensAt")).isEqualTo(at(day, "08:00").toString());
        assertThat(nextFree(now).get("start")).isEqualTo(at(day, "08:00").toString());
    }
}
